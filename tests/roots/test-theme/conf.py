# The theme extension on a small site with the guide's own templates,
# stylesheet and shipped headers (found through the events_guide package,
# so that a copy of this root works too), and a stylesheet of its own.
import pathlib

import events_guide

GUIDE = pathlib.Path(events_guide.__file__).resolve().parents[1] / "doc" \
    / "source"

project = "Theme"
extensions = ["events_guide.ext.theme"]
html_theme = "sphinx_rtd_theme"
templates_path = [str(GUIDE / "_templates")]
html_static_path = [str(GUIDE / "_static")]
html_extra_path = [str(GUIDE / "_extra")]
html_favicon = str(GUIDE / "_static" / "favicon.svg")
events_guide_theme_css = [str(GUIDE / "_static" / "reader.css"),
                          "local.css"]
html_context = {"content_license": (
    "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")}
