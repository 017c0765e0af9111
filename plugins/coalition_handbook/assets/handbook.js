/* Coalition Handbook: accessibility fixes to the theme, added by the `handbook` plugin.
   Material's search dialog has no accessible name; screen readers announce it as "Search". */
document
  .querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])')
  .forEach(function (dialog) {
    dialog.setAttribute("aria-label", "Search");
  });
