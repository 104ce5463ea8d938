error-addressees-too-many = Eine Petition kann höchstens 20 Adressaten haben.
error-delivery-milestone = Geben Sie die Zahl der Unterschriften an, eine ganze Zahl zwischen 1 und 1.000.000.000.
error-delivery-no-addressees = Fügen Sie einen Adressaten hinzu, bevor Sie die Petition übergeben.
error-delivery-withheld = Die Moderation dieser Instanz hat die Petition aus der öffentlichen Ansicht entfernt; ihre Übergabe wird daher nicht mehr gezeigt und sie kann nicht übergeben werden.
