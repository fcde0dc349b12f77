"""JavaScript the browser checks run in the page (browser.py), kept apart
so the Python around it stays readable.
"""

#: Records Content-Security-Policy violations; runs before any page script.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `at ${event.sourceFile || "the page"}:${event.lineNumber}`);
});
"""


#: null, or {scroll, width, culprits} when the page scrolls sideways:
#: the first elements whose right edge sticks out of the window (and is
#: not inside a box that scrolls on its own).
HORIZONTAL_OVERFLOW = """() => {
      const root = document.documentElement;
      const width = root.clientWidth;
      if (root.scrollWidth <= width) return null;
      const culprits = [];
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0) {
          let inScroller = false;
          for (let up = element.parentElement; up && up !== document.body;
               up = up.parentElement) {
            const style = getComputedStyle(up);
            if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)
                && up.getBoundingClientRect().right <= width + 1) {
              inScroller = true; break;
            }
          }
          if (!inScroller) {
            const id = element.id ? "#" + element.id : "";
            const cls = element.className && typeof element.className
              === "string" ? "." + element.className.trim().split(/\\s+/)
              .join(".") : "";
            culprits.push(`${element.tagName.toLowerCase()}${id}${cls}`
              + ` (right edge ${Math.round(box.right)}px)`);
          }
        }
        if (culprits.length >= 3) break;
      }
      return {scroll: root.scrollWidth, width, culprits};
    }"""

#: The visible focus indicator of the focused element ("outline 2px
#: solid", "box-shadow ..."), or null.
FOCUS_INDICATOR = """() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== "none"
        && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow && style.boxShadow !== "none";
      return outline ? `outline ${style.outlineWidth} ${style.outlineStyle}`
        : shadow ? `box-shadow ${style.boxShadow}` : null;
    }"""

#: The computed background colour of the content column.
CONTENT_BACKGROUND = """() => {
  const content = document.querySelector(".wy-nav-content");
  return content ? getComputedStyle(content).backgroundColor : null;
}"""

#: Wait until the colour transitions that a scheme switch starts have
#: ended (the theme's buttons fade over 0.1 s: a contrast check taken
#: mid-fade sees two half-way colours). Two frames first, so that the
#: new styles have started their transitions.
TRANSITIONS_ENDED = """async () => {
  await new Promise(done => requestAnimationFrame(
    () => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations()
    .filter(animation => animation.effect.getTiming().iterations !== Infinity)
    .map(animation => animation.finished.catch(() => null)));
}"""

#: Each table whose box is narrower than the table: a reader must find a
#: hidden sideways scroll bar to read its last columns. The caption names
#: the table; the widths say by how much.
CLIPPED_TABLES = """() => [...document.querySelectorAll(
    '.wy-table-responsive')].filter(
    box => box.scrollWidth > box.clientWidth + 1).map(box => ({
        caption: ((box.querySelector('caption') || {}).textContent || '')
            .replace('\u00b6', ''),
        box: box.clientWidth, table: box.scrollWidth}))"""
