"""Make the world outline the event map is drawn on (run by hand, rarely).

Source: Natural Earth, 1:110m Cultural Vectors, Admin 0 - Countries
(public domain: https://www.naturalearthdata.com/about/terms-of-use/), as
shipped in geopandas 0.14's ``naturalearth_lowres`` dataset. The
countries are merged into one shape (shapely's unary_union), Antarctica
left out, simplified (Douglas-Peucker, 0.6 degrees, topology kept),
projected plate carrée (longitude and latitude as x and y, north at the
top, the map's frame latitudes 84 N to 58 S) and written as one SVG path,
coordinates rounded to a tenth of a degree.

    pip install 'geopandas==0.14.4' shapely
    python tools/make_world_outline.py \
        > events_guide/data/world-outline.svgpath
"""

import sys

import geopandas
import shapely

NORTH, SOUTH = 84.0, -58.0
TOLERANCE = 0.6


def ring(coords) -> str:
    points = [f"{lon + 180:.1f} {NORTH - lat:.1f}".replace(".0 ", " ")
              .removesuffix(".0") for lon, lat in coords[:-1]]
    return "M" + "L".join(points) + "Z"


def main() -> None:
    world = geopandas.read_file(
        geopandas.datasets.get_path("naturalearth_lowres"))
    land = shapely.unary_union(
        world[world["name"] != "Antarctica"].geometry.values)
    land = land.simplify(TOLERANCE, preserve_topology=True)
    polygons = getattr(land, "geoms", [land])
    rings = [ring(polygon.exterior.coords) for polygon in polygons
             if polygon.area > 1.0]
    sys.stdout.write("".join(rings) + "\n")


if __name__ == "__main__":
    main()
