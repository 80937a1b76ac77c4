// Pabulib
