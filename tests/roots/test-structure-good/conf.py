# A well-formed site: the structure checks find nothing.
project = "Structure good"
