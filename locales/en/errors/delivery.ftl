error-addressees-too-many = A petition can have at most 20 addressees.
error-delivery-milestone = Write the number of signatures, a whole number between 1 and 1,000,000,000.
error-delivery-no-addressees = Add an addressee before delivering the petition.
