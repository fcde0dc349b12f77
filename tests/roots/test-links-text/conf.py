# Link text that does not say where the link goes.
project = "Links text"
