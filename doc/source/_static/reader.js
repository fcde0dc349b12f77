/* Replaces sphinx-rtd-theme's jQuery-based theme.js. */
