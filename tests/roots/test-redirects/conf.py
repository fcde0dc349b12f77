extensions = ["sphinxext.rediraffe"]
rediraffe_redirects = "redirects.txt"
