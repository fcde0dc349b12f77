# Pages that state dates, with and without their sources.
project = "Structure dates"
