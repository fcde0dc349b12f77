# Heading, title, description and image defects a strict build accepts.
project = "Structure headings"
