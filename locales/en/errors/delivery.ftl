error-addressees-too-many = A petition can have at most 20 addressees.
error-delivery-milestone = Write the number of signatures, a whole number between 1 and 1,000,000,000.
error-delivery-no-addressees = Add an addressee before delivering the petition.
error-delivery-withheld = The moderators of this instance have withdrawn this petition from public view, so its delivery is no longer shown and it cannot be delivered.
