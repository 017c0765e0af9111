/* Coalition Handbook: accessibility fixes to the theme, added by the `handbook` plugin.
   Material's search dialog has no accessible name; screen readers announce it as "Search". */
document
  .querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])')
  .forEach(function (dialog) {
    dialog.setAttribute("aria-label", "Search");
  });

/* The count of results ("9 matching documents", "No matching documents") changes as the
   member types, and screen readers said nothing of it: it is a status, read out when it
   changes. */
document.querySelectorAll(".md-search-result__meta:not([role])").forEach(function (count) {
  count.setAttribute("role", "status");
});

/* Escape closes search, and the theme then takes focus from its field or its result:
   focus was on the page itself, a screen reader said nothing of where the reader was,
   and Tab went on from the search field, not from there (audit). Focus goes back where
   it was before search took it (the link read when "/" opened search, the stop before
   the field), where that is still on the page: the key is seen before the theme closes
   search (capture), and focus moved after. */
var focusBeforeSearch = null;

function inSearch(element) {
  return !!(element && element.closest && element.closest(".md-search"));
}

document.addEventListener("focusin", function (event) {
  if (!inSearch(event.target)) {
    focusBeforeSearch = event.target;
  }
});

document.addEventListener(
  "keydown",
  function (event) {
    var toggle = document.getElementById("__search");
    if (event.key !== "Escape" || !toggle || !toggle.checked || !inSearch(event.target)) {
      return;
    }
    setTimeout(function () {
      var back = focusBeforeSearch;
      // Let go of, or on a result that closed search hides, which the browser lets go of
      // when it next draws the page.
      var focused = document.activeElement;
      var letGo = !focused || focused === document.body || inSearch(focused);
      if (!toggle.checked && letGo && back && back.isConnected && isRendered(back)) {
        back.focus();
      }
    });
  },
  true
);

/* A section's menu is labelled by its toggle, which holds only an icon (or is missing) when
   the section has an index page (navigation.indexes): name it by its own title instead.
   On every page: the theme's instant navigation brings each page's menus in. */
function nameSectionMenus() {
  document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (menu) {
    var toggle = document.getElementById(menu.getAttribute("aria-labelledby"));
    var title = menu.querySelector(":scope > .md-nav__title");
    if ((!toggle || !toggle.textContent.trim()) && title && title.textContent.trim()) {
      menu.removeAttribute("aria-labelledby");
      menu.setAttribute("aria-label", title.textContent.trim());
    }
  });
}

/* A section whose pages all leave the navigation (the Glossary's terms: its A-Z index
   lists them) kept its menu, empty, and screen readers read a "Glossary" navigation
   holding an empty list on every other page (audit). Its link stays; the empty menu is
   hidden, from the eye (there was nothing to see) and from screen readers. */
function hideEmptySectionMenus() {
  document.querySelectorAll("nav.md-nav[data-md-level]").forEach(function (menu) {
    var list = menu.querySelector(":scope > .md-nav__list");
    if (list && !list.querySelector(":scope > .md-nav__item")) {
      menu.hidden = true;
    }
  });
}

/* Below 76.25em the navigation is a drawer behind the header's menu icon: a <label> for a
   hidden checkbox, which only a pointer could use, while the closed drawer, slid
   off-screen, kept its links in Tab's reach. A button takes the icon's place, which Tab
   reaches and Enter or Space opens, named as the navigation is and telling whether it is
   open; focus moves to the first link of the level it shows, and Escape closes it, back
   on the button. (A role of button on the label itself was no valid HTML, and some
   screen readers ignore it: axe's aria-allowed-role, audit.) A closed drawer is inert:
   no Tab stop, nothing for screen readers. Whether the navigation is a drawer is the
   theme's call: it displays its menu icon only then, which stays, unseen, to tell. */
function drawerParts() {
  return {
    toggle: document.getElementById("__drawer"),
    icon: document.querySelector('label.md-header__button[for="__drawer"]'),
    button: document.querySelector("button[data-hb-button]"),
    sidebar: document.querySelector(".md-sidebar--primary"),
  };
}

function isDrawer(parts) {
  return !!parts.icon && getComputedStyle(parts.icon).display !== "none";
}

function showDrawerState() {
  var parts = drawerParts();
  if (!parts.toggle) {
    return;
  }
  if (parts.button) {
    parts.button.setAttribute("aria-expanded", String(parts.toggle.checked));
    parts.button.hidden = !isDrawer(parts);
  }
  if (parts.sidebar) {
    parts.sidebar.inert = isDrawer(parts) && !parts.toggle.checked;
    showDrawerLevel(parts);
  }
}

/* The open drawer shows one level of the navigation: a section's panel (the page's own
   section when it opens) slides over the level it belongs to, and the page's contents
   over its section, a panel to each checked `.md-nav__toggle` (Material's CSS). Tab went
   through the links of the levels covered, unseen, and the drawer scrolled blank
   (found in an audit). Only the level shown takes Tab stops and is read out: the rest
   is inert while the drawer is open. Its labels that change the level (a section's,
   the page's contents', the panel's title going back) become buttons Tab reaches, as
   the theme's only Enter opened them and only a pointer reached them. All is put back
   when the drawer closes or the window widens. */
var LEVEL_ITEMS = [
  ":scope > .md-nav__list > .md-nav__item > ",
  // A term page's place under the Glossary (templates/theme/hb-term.html) is a list in
  // the Glossary's item: the term's own item there holds the page's contents.
  ":scope > .md-nav__list > .md-nav__item > .hb-term-nav__terms > .md-nav__item > ",
];

// `selector` as a child of an item of a level's list (`LEVEL_ITEMS`).
function inLevelItems(selector) {
  return LEVEL_ITEMS.map(function (item) {
    return item + selector;
  }).join(", ");
}

var NAV_PANEL = inLevelItems(".md-nav__toggle ~ nav.md-nav");

/* A checked panel the theme does not display is no level shown: the page's contents,
   opened in a phone's drawer, stay checked once the window is a tablet's (60em up), where
   the theme hides them in the drawer and shows them beside the page. Taken for the level
   shown, the one the drawer does show was made inert: no tap, click or Tab reached it
   (found in review). */
function isRendered(element) {
  return element.getClientRects().length > 0;
}

function shownNavigationLevel(sidebar) {
  var shown = sidebar.querySelector("nav.md-nav--primary");
  while (shown) {
    var opened = Array.prototype.filter.call(shown.querySelectorAll(NAV_PANEL), function (nav) {
      return nav.parentNode.querySelector(":scope > .md-nav__toggle").checked && isRendered(nav);
    });
    if (!opened.length) {
      return shown;
    }
    shown = opened[opened.length - 1]; // the theme's last one lies on top
  }
  return shown;
}

function levelLabels(shown) {
  var labels = Array.prototype.slice.call(
    shown.querySelectorAll(
      [
        ":scope > label.md-nav__title[for]", // back to the level above
        inLevelItems("label.md-nav__link[for]"),
        inLevelItems(".md-nav__container > label.md-nav__link[for]"), // a section with a page
      ].join(", ")
    )
  );
  return labels.filter(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    return !!toggle && toggle.classList.contains("md-nav__toggle");
  });
}

function resetDrawerLevel(sidebar) {
  sidebar.querySelectorAll("[data-hb-inert]").forEach(function (element) {
    element.inert = false;
    element.removeAttribute("data-hb-inert");
  });
  sidebar.querySelectorAll("[data-hb-level-button]").forEach(function (label) {
    var tabindex = label.getAttribute("data-hb-level-button");
    if (tabindex === "none") {
      label.removeAttribute("tabindex");
    } else {
      label.setAttribute("tabindex", tabindex);
    }
    label.removeAttribute("role");
    label.removeAttribute("data-hb-level-button");
    if (label.hasAttribute("data-hb-named")) {
      label.removeAttribute("aria-label");
      label.removeAttribute("data-hb-named");
    }
  });
}

function makeInert(element) {
  if (!element.inert) {
    element.inert = true;
    element.setAttribute("data-hb-inert", "");
  }
}

function showDrawerLevel(parts) {
  resetDrawerLevel(parts.sidebar);
  if (!isDrawer(parts) || !parts.toggle.checked) {
    return;
  }
  var shown = shownNavigationLevel(parts.sidebar);
  if (!shown || !isRendered(shown)) {
    return; // a level the theme hides: nothing is made inert, all stays reachable
  }
  // Everything beside the way from the drawer down to the level shown, and the panels
  // below it (closed, off to the side).
  for (var kept = shown; kept && kept !== parts.sidebar; kept = kept.parentElement) {
    Array.prototype.forEach.call(kept.parentElement.children, function (sibling) {
      if (sibling !== kept) {
        makeInert(sibling);
      }
    });
  }
  shown.querySelectorAll(NAV_PANEL).forEach(makeInert);
  levelLabels(shown).forEach(function (label) {
    label.setAttribute("data-hb-level-button", label.getAttribute("tabindex") || "none");
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    var toggle = document.getElementById(label.htmlFor);
    var title = toggle.parentElement.querySelector(":scope > nav.md-nav > .md-nav__title");
    if (!label.textContent.trim() && !label.hasAttribute("aria-label") && title) {
      label.setAttribute("aria-label", title.textContent.trim()); // an icon, named by its section
      label.setAttribute("data-hb-named", "");
    }
  });
}

/* The first link (or label opening a panel: the page's contents on the home page) of the
   level shown, where focus goes when the drawer opens. */
function firstShownLink(sidebar) {
  var shown = shownNavigationLevel(sidebar);
  var stops = ":scope > .md-nav__list :is(a[href], label[data-hb-level-button])";
  var links = shown ? shown.querySelectorAll(stops) : [];
  return (
    Array.prototype.find.call(links, function (link) {
      // Not one of a closed panel below (the page's contents, beside the drawer).
      return link.closest("nav.md-nav") === shown && link.getClientRects().length > 0;
    }) || null
  );
}

/* Focus on a link of the drawer while it, or a panel, still slides in: the browser
   scrolled the drawer sideways to show the link where it was, and the drawer showed
   blank (found in review). It is shown once in place. */
function focusInDrawer(element) {
  element.focus({ preventScroll: true });
  setTimeout(function () {
    if (document.activeElement === element) {
      element.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }, 300); // the theme's slide takes 250 ms
}

/* A level changed (a label clicked, or Enter or Space on it): focus, which was on a label
   now covered, goes to the new level's first link, or back to the label that opened
   the panel just left. */
document.addEventListener("change", function (event) {
  var parts = drawerParts();
  var toggle = event.target;
  if (!parts.sidebar || !toggle.classList || !toggle.classList.contains("md-nav__toggle")) {
    return;
  }
  var focused = document.activeElement;
  var hadFocus = parts.sidebar.contains(focused);
  showDrawerState();
  if (!hadFocus || !isDrawer(parts) || !parts.toggle.checked) {
    return;
  }
  var opener = Array.prototype.find.call(
    parts.sidebar.querySelectorAll('label.md-nav__link[for="' + toggle.id + '"]'),
    function (label) {
      return label.getClientRects().length > 0 && !label.closest("[inert]");
    }
  );
  var next = toggle.checked || !opener ? firstShownLink(parts.sidebar) : opener;
  if (next) {
    focusInDrawer(next);
  }
});

/* Space on a level's label opens it, as Enter does (the theme clicks a focused label on
   Enter); a label is no button to the browser. */
document.addEventListener("keydown", function (event) {
  var label = event.target;
  if (event.key === " " && label.hasAttribute && label.hasAttribute("data-hb-level-button")) {
    event.preventDefault();
    label.click();
  }
});

/* A section whose pages are all left out of the navigation (the glossary's terms) has
   an empty panel. The theme opens a section's panel on its own pages, so on its index
   page the drawer opened blank, with no link for focus to go to: the next Tab closed it,
   and the keyboard never reached the navigation (found in an audit). The empty panel is
   closed: the drawer shows the level above, where the section is the page's own link,
   and the theme draws no label that would open the panel again. */
function closeEmptyLevels(sidebar) {
  sidebar.querySelectorAll(".md-nav__toggle:checked ~ nav.md-nav").forEach(function (level) {
    if (!level.querySelector(":scope > .md-nav__list > .md-nav__item")) {
      level.parentNode.querySelector(":scope > .md-nav__toggle").checked = false;
      if (level.hasAttribute("aria-expanded")) {
        level.setAttribute("aria-expanded", "false");
      }
    }
  });
}

/* The button is made once; the navigation is each page's own: the theme's instant
   navigation brings it in with the page, without running this script again (review:
   on a page so reached, the glossary's drawer opened blank, and Enter left focus on
   the button, looking for links in the first page's navigation, gone). */
function drawerButton() {
  var parts = drawerParts();
  if (parts.toggle && parts.icon && parts.sidebar) {
    closeEmptyLevels(parts.sidebar);
  }
  if (!parts.toggle || !parts.icon || parts.button) {
    showDrawerState();
    return;
  }
  var navigation = document.querySelector("nav.md-nav--primary");
  var button = document.createElement("button");
  button.type = "button";
  button.className = parts.icon.className; // the theme's look of its icon
  button.setAttribute("data-hb-button", "");
  button.setAttribute(
    "aria-label",
    (navigation && navigation.getAttribute("aria-label")) || "Navigation"
  );
  button.append.apply(button, Array.prototype.slice.call(parts.icon.childNodes));
  parts.icon.setAttribute("data-hb-replaced", ""); // unseen (handbook.css), still the theme's
  parts.icon.before(button);
  parts.toggle.addEventListener("change", showDrawerState); // Material, too, opens it by click()
  button.addEventListener("click", function (event) {
    parts.toggle.click();
    // From the keyboard (or a screen reader: a click with no pointer), focus goes in.
    var sidebar = drawerParts().sidebar; // this page's
    var first = event.detail === 0 && parts.toggle.checked && sidebar && firstShownLink(sidebar);
    if (first) {
      focusInDrawer(first);
    }
  });
  showDrawerState();
}
/* The page's contents, opened in a phone's drawer, are hidden there once the window is a
   tablet's or wider, and shown beside the page instead: focus on one of their links went
   to the page itself, and a keyboard user lost their place (found in review). So did
   focus in the navigation of a window narrowed (zoomed in) to a closed drawer, inert.
   Focus moves to the same link where it is seen (the contents beside the page), else
   to the closed drawer's button, else to the page's content. On the resize, before the
   browser lets go of a focus it no longer shows. */
function keepFocusInReach(focused) {
  var parts = drawerParts();
  var sidebar = parts.sidebar;
  var reached = function (element) {
    return isRendered(element) && !element.closest("[inert]");
  };
  if (!sidebar || !sidebar.contains(focused) || reached(focused)) {
    return;
  }
  var href = focused.getAttribute("href");
  var links = document.querySelectorAll(".md-sidebar a[href]");
  var same = Array.prototype.find.call(links, function (link) {
    return link.getAttribute("href") === href && reached(link);
  });
  var content = document.querySelector(".md-content__inner");
  if (same) {
    same.focus();
  } else if (isDrawer(parts) && !parts.toggle.checked) {
    parts.button.focus(); // the navigation is behind it now
  } else if (content) {
    content.setAttribute("tabindex", "-1"); // focus from a script, no Tab stop
    content.focus({ preventScroll: true }); // where the member was reading
  }
}

/* The element focus was last given to: by the time of the resize event, the browser may
   already have let go of a focus it no longer shows (the body is then the active element;
   seen in about one CI run of four). A press of a pointer moves focus by the member's
   hand, and is not undone; nor is a focus let go of at the width the last resize left
   (review rv26: Enter on a link of the drawer's contents closes the drawer, and the
   member reads on from its section: a window widened later took them to the sidebar). */
var lastFocused = null;
var handledWidth = window.innerWidth; // of the last resize handled, or of the page opened
document.addEventListener("focusin", function (event) {
  lastFocused = event.target;
});
document.addEventListener("focusout", function (event) {
  if (!event.relatedTarget && window.innerWidth === handledWidth) {
    lastFocused = null; // let go of before any resize, not by one
  }
});
document.addEventListener(
  "pointerdown",
  function () {
    lastFocused = null;
  },
  true
);

window.addEventListener("resize", function () {
  var focused = document.activeElement;
  if ((!focused || focused === document.body) && lastFocused && lastFocused.isConnected) {
    focused = lastFocused; // let go of by the browser, not by the member
  }
  handledWidth = window.innerWidth;
  showDrawerState();
  if (focused) {
    keepFocusInReach(focused);
  }
});
/* A link of the sidebar half below (or above) the edge of the list it scrolls in keeps
   that focus: the browser scrolls a focused element only once it is wholly out of view,
   and a term page's mark (proposed, deprecated) made a title two lines, which left the
   drawer's next link cut by its edge (the test of its tab stops, at 640 x 450 px). The list
   scrolls to show it whole, up or down only
   (a sideways scroll left the drawer blank while it slid in: `focusInDrawer`). */
document.addEventListener("focusin", function (event) {
  var link = event.target;
  if (!link.closest || !link.closest(".md-sidebar--primary")) {
    return;
  }
  // After the browser's own scroll to the focus, which comes after this event.
  requestAnimationFrame(function () {
    for (var list = link.parentElement; list; list = list.parentElement) {
      var scrolls = /auto|scroll/.test(getComputedStyle(list).overflowY);
      if (scrolls && list.scrollHeight > list.clientHeight) {
        var box = link.getBoundingClientRect();
        var area = list.getBoundingClientRect();
        // By, not to: the theme's drawer snaps its list to its items (mandatory), and a
        // position set was snapped back to where it was; a scroll by one snaps onwards.
        if (box.bottom > area.bottom && box.height <= area.height) {
          list.scrollBy({ top: box.bottom - area.bottom });
        } else if (box.top < area.top) {
          list.scrollBy({ top: box.top - area.top });
        }
        return;
      }
    }
  });
});
/* Tab past the open drawer's last link moved focus to the page behind it, hidden under
   the drawer: focus that leaves the drawer (for anything but its button) closes it. */
document.addEventListener("focusin", function (event) {
  var parts = drawerParts();
  if (!parts.toggle || !parts.toggle.checked || !parts.sidebar || !isDrawer(parts)) {
    return;
  }
  if (!parts.sidebar.contains(event.target) && event.target !== parts.button) {
    parts.toggle.click();
  }
});
/* Shift+Tab from the open drawer's first stop went to the search field in the header
   beneath it: the drawer closed, and the search opened on that focus alone (found in
   review). Leaving the drawer backwards closes it, as leaving it forwards does, and
   focus goes to the drawer's button, the stop before it, as on Escape. */
function firstTabStop(container) {
  var focusable = "a[href], button, input, select, textarea, summary, [tabindex]";
  return (
    Array.prototype.find.call(container.querySelectorAll(focusable), function (element) {
      return (
        element.tabIndex >= 0 &&
        !element.disabled &&
        !element.closest("[inert]") &&
        isRendered(element) &&
        getComputedStyle(element).visibility !== "hidden"
      );
    }) || null
  );
}

document.addEventListener("keydown", function (event) {
  var parts = drawerParts();
  if (!parts.toggle || !parts.toggle.checked || !isDrawer(parts)) {
    return;
  }
  var leavesBackwards =
    event.key === "Tab" &&
    event.shiftKey &&
    !!parts.sidebar &&
    document.activeElement === firstTabStop(parts.sidebar);
  if (leavesBackwards) {
    event.preventDefault(); // the button is where it goes
  }
  if (event.key === "Escape" || leavesBackwards) {
    parts.toggle.click();
    parts.button.focus();
  }
});

/* The light/dark switch is a radio button per scheme, each named for the scheme its
   label switches to. When the device picks the scheme, none of them was checked, so Tab
   landed on the first, named "Switch to dark mode" on a dark page, and Space did nothing
   (the theme switches on Enter only). The scheme shown is checked, so Tab reaches the
   switch by its right name, and Space switches as Enter does. */
function paletteOptions() {
  var options = document.querySelectorAll("form[data-md-component=palette] .md-option");
  return Array.prototype.slice.call(options);
}

function checkShownScheme() {
  var options = paletteOptions();
  var checked = options.filter(function (option) {
    return option.checked;
  });
  if (checked.length) {
    return;
  }
  options.forEach(function (option) {
    var label = option.nextElementSibling; // the theme shows the shown scheme's label alone
    if (label && label.tagName === "LABEL" && !label.hidden) {
      option.checked = true; // no change event: the theme's scheme stays as it is
    }
  });
}

document.addEventListener("keydown", function (event) {
  var options = paletteOptions();
  var index = options.indexOf(document.activeElement);
  if (event.key !== " " || index === -1 || options.length < 2) {
    return;
  }
  event.preventDefault();
  var next = options[(index + 1) % options.length];
  next.click();
  next.focus();
});

/* Escape hides a term's tooltip where the reader is, without moving focus or the pointer
   (WCAG 1.4.13); Material's tooltips only close when focus or the pointer leaves. The
   tooltip stays hidden until it closes on its own, and shows again when next opened. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") {
    return;
  }
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
    tooltip.classList.add("hb-tooltip--dismissed");
  });
});
new MutationObserver(function (changes) {
  changes.forEach(function (change) {
    var tooltip = change.target;
    if (
      tooltip.classList.contains("hb-tooltip--dismissed") &&
      !tooltip.classList.contains("md-tooltip2--active")
    ) {
      tooltip.classList.remove("hb-tooltip--dismissed");
    }
    if (tooltip.classList.contains("md-tooltip2--active")) {
      showFocusedTooltip(tooltip);
    }
  });
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["class"] });

/* Where the theme's header, which stays at the window's top, ends: nothing shows above it. */
function headerBottom() {
  var header = document.querySelector(".md-header");
  return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
}

/* The theme opens a term's tooltip below its term, also past the window's bottom edge: a
   keyboard reader tabbing to a term on the last lines saw nothing open. The page scrolls
   just enough to show it (not for a pointer, whose page would move under it); one taller
   than the window below the header (400% zoom, wider text spacing) shows from its first
   line there, not its last, and the reader scrolls on to read the rest (handbook.css). */
function showFocusedTooltip(tooltip) {
  var focused = document.activeElement;
  var tapped = focused && focused === tappedTerm; // the finger is off the page: it may move
  if (!focused || !(tapped || focused.matches("a.hb-term:focus-visible"))) {
    return;
  }
  requestAnimationFrame(function () {
    if (focused.getAttribute("aria-describedby") !== tooltip.id) {
      return; // another term's, opened by the pointer while this one has focus
    }
    var inner = tooltip.querySelector(".md-tooltip2__inner") || tooltip;
    // Where it comes to rest: the theme slides it down into place (translateY).
    var sliding = new DOMMatrixReadOnly(getComputedStyle(tooltip).transform).m42;
    var box = inner.getBoundingClientRect();
    var below = box.bottom - sliding - window.innerHeight;
    var above = box.top - sliding - headerBottom(); // the room between it and the header
    if (below > 0 && tooltip.classList.contains("md-tooltip2--active")) {
      window.scrollBy(0, Math.min(below + 8, above - 8));
    }
  });
}

/* A term's tooltip takes the pointer, to stay open while read, and so covered the lines
   below its term: a click on a link there landed on the tooltip and did nothing. A press
   on a tooltip hides it, as Escape does, and a plain left click there reaches what it
   covered (another button or a modifier key is the reader's to use on what they see
   next). A tap there only hides it: its click reached what the tooltip covered, and
   another term's page opened, never seen to be tapped (audit, review rv38); a finger,
   unlike a mouse, has no other way to be rid of the tooltip than a tap. */
var pressedTooltip = null;
var tappedTooltip = false; // a touch pressed an open tooltip: its click opens nothing
document.addEventListener(
  "pointerdown",
  function (event) {
    var tooltip = event.target.closest && event.target.closest(".md-tooltip2--active");
    var plainClick =
      event.pointerType === "mouse" &&
      event.button === 0 &&
      !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    pressedTooltip = tooltip && plainClick ? { x: event.clientX, y: event.clientY } : null;
    tappedTooltip = Boolean(tooltip) && isTouch(event);
    if (tooltip) {
      tooltip.classList.add("hb-tooltip--dismissed");
    }
  },
  true
);
// The mouse's events a tap makes come where the tooltip was, hidden now: the term it
// covered took them for a hover, and its press for a focus, and the theme opened that
// term's tooltip instead.
["mouseover", "mouseenter", "mousedown", "mouseup"].forEach(function (type) {
  document.addEventListener(
    type,
    function (event) {
      if (tappedTooltip) {
        event.stopPropagation();
        if (type === "mousedown") {
          event.preventDefault(); // no focus moved
        }
      }
    },
    true
  );
});
// A tap with no click (iOS Safari makes none on text) holds its events back until the
// next press: a mouse or a trackpad moved since is no part of it, and its hover shows.
["pointerover", "pointermove"].forEach(function (type) {
  document.addEventListener(
    type,
    function (event) {
      if (event.pointerType === "mouse") {
        tappedTooltip = false;
      }
    },
    true
  );
});
document.addEventListener(
  "click",
  function (event) {
    var tapped = tappedTooltip;
    tappedTooltip = false;
    if (tapped && isClickOfTouch(event)) {
      event.preventDefault();
      event.stopPropagation(); // Material's instant navigation follows the body's clicks
    }
  },
  true
);
document.addEventListener(
  "pointerup",
  function (event) {
    var pressed = pressedTooltip;
    pressedTooltip = null;
    if (!pressed || Math.abs(event.clientX - pressed.x) + Math.abs(event.clientY - pressed.y) > 8) {
      return; // a drag, or no press on a tooltip
    }
    var under = document.elementFromPoint(event.clientX, event.clientY); // tooltip hidden now
    var control = under && under.closest("a[href], button, summary, label");
    if (control) {
      control.click(); // the browser's own click goes to the body, below the two
    }
  },
  true
);

/* On a touch screen a tap on a term went straight to its page: its definition, which the
   theme shows on hover and focus, was never seen from a tablet or a phone (audit). The
   first tap shows it (the tap focuses the link, which opens its tooltip) and a tap
   elsewhere closes it (focus leaves); a tap on a term whose tooltip is open, as the
   second one, opens its page. Open is read as the press starts: a browser that opens
   the tooltip on a touch's emulated hover (iPad Safari) opens the page at its second
   tap too. A mouse click, Enter or a screen reader's activation opens the page at once,
   as before. */
var pressedTerm = null; // the term a touch pressed while its tooltip was closed, until its click
var tappedTerm = null; // the term whose tooltip a tap opened

function tooltipOf(term) {
  var id = term.getAttribute("aria-describedby");
  return id ? document.getElementById(id) : null;
}

function tooltipOpenFor(term) {
  var tooltip = tooltipOf(term);
  return Boolean(
    tooltip &&
      tooltip.classList.contains("md-tooltip2--active") &&
      !tooltip.classList.contains("hb-tooltip--dismissed")
  );
}

document.addEventListener(
  "pointerdown",
  function (event) {
    var term = event.target.closest && event.target.closest("a.hb-term");
    var touch = isTouch(event);
    // Only where the theme gives the term a tooltip to show: with another theme (MkDocs'
    // own), or outside Material's content, no tap ever opened the page (review rv34b).
    var shown = term && materialTooltips() && term.closest("[data-md-component=content]");
    pressedTerm = touch && shown && !tooltipOpenFor(term) ? term : null;
  },
  true
);
// A press the browser takes for a scroll or a long press has no click of its own: its
// mark kept a later click with no press (a screen reader's, Enter) from opening the page.
document.addEventListener(
  "pointercancel",
  function () {
    pressedTerm = null;
    touchPress = null;
    tappedTooltip = false;
  },
  true
);
/* A tap elsewhere closed a term's tooltip by moving focus from the term. iOS Safari moves
   none at a tap on text (it makes no click where no element listens for one), and the
   tooltip stayed over the lines below until a link or a button was tapped; a tap on it
   to be rid of it followed the link it covered (audit, emulated in Chromium). A touch
   lifted away from the focused term and its tooltip hides the tooltip, as Escape does;
   a scroll (cancelled) leaves it. */
var touchedAway = null; // the focused term whose open tooltip a touch began away from

document.addEventListener(
  "pointerdown",
  function (event) {
    var focused = document.activeElement;
    var touch = isTouch(event);
    var term = touch && focused && focused.matches && focused.matches("a.hb-term") && focused;
    var tooltip = term && tooltipOpenFor(term) && tooltipOf(term);
    var away = tooltip && !term.contains(event.target) && !tooltip.contains(event.target);
    touchedAway = away ? term : null;
  },
  true
);
document.addEventListener(
  "pointercancel",
  function () {
    touchedAway = null;
  },
  true
);
document.addEventListener(
  "pointerup",
  function () {
    var tooltip = touchedAway && tooltipOf(touchedAway);
    touchedAway = null;
    if (tooltip) {
      tooltip.classList.add("hb-tooltip--dismissed");
    }
  },
  true
);

/* The click a browser makes of a tap says so: a click is a PointerEvent, its pointerType
   the finger's or the pen's. A click with another ("" from Enter, a screen reader's double
   tap, Switch Access or Voice Access; "mouse") is no tap, whatever press came before it:
   a touch with no click of its own (a long press, a press the browser dropped, the
   touches a screen reader sends before its click) left its mark, and that activation
   showed the tooltip, a second one opened the page (audit). Where a click carries no
   pointerType (a plain MouseEvent), the press's mark decides, as it did.
   iOS Safari 18, until WebKit fixed it (bug 282988), said a tap's click was a mouse's
   ("mouse"): the first tap on an iPad opened the page (review rv38). A mouse's own
   click comes after a mouse's press, which forgets the touch's (`touchPress`): a click
   said to be a mouse's, with no press since the touch's and where it pressed, is the
   tap's. */
var TAP_SLOP = 24; // CSS px (x and y added) between a tap's press and its click
var touchPress = null; // where the last press was, a touch's or a pen's, until a key

function isTouch(event) {
  return event.pointerType === "touch" || event.pointerType === "pen";
}

document.addEventListener(
  "pointerdown",
  function (event) {
    touchPress = isTouch(event) ? { x: event.clientX, y: event.clientY } : null;
  },
  true
);

function isClickOfTouch(event) {
  var type = event.pointerType;
  if (typeof type !== "string" || type === "touch" || type === "pen") {
    return true;
  }
  var press = touchPress;
  var moved = press ? Math.abs(event.clientX - press.x) + Math.abs(event.clientY - press.y) : 0;
  return type === "mouse" && !!press && moved <= TAP_SLOP;
}

// A key pressed comes after any tap: its click (Enter) opens the page.
document.addEventListener(
  "keydown",
  function () {
    pressedTerm = null;
    touchPress = null;
    tappedTooltip = false;
  },
  true
);
document.addEventListener(
  "click",
  function (event) {
    var term = event.target.closest && event.target.closest("a.hb-term");
    var pressed = pressedTerm;
    pressedTerm = null; // a later click with no press (Enter) opens the page
    if (!term || term !== pressed || !isClickOfTouch(event)) {
      return;
    }
    event.preventDefault();
    // Material's instant navigation follows a link from the body's click, prevented or
    // not: the first tap opened the page and showed no definition (review rv34b).
    event.stopPropagation();
    tappedTerm = term;
    // Hidden with Escape while the term kept focus, it stayed hidden at every tap, and no
    // tap opened the page (review rv34b): the tap shows it again.
    var hidden = tooltipOf(term);
    if (hidden) {
      hidden.classList.remove("hb-tooltip--dismissed");
    }
    term.focus(); // the theme shows a focused term's tooltip
  },
  true
);

/* A `title` is plain text (a term link's is its short definition, a link's is what its
   Markdown says), which Material's tooltips (content.tooltips) show as HTML: written as
   HTML text here, before any tooltip reads it, a `<` in it shows as itself and never
   becomes markup. Once per element, and only where those tooltips are on: the browser's
   own shows a title as it is. A title that HTML reads as itself ("Hotel & Lodging",
   nearly all) is left alone: the title is also what screen readers announce, which would
   read an escaped "&" as "&amp;". */
function materialTooltips() {
  var config = document.getElementById("__config");
  try {
    return JSON.parse(config.textContent).features.indexOf("content.tooltips") !== -1;
  } catch (error) {
    return false;
  }
}

function readsAsItself(text) {
  var probe = document.createElement("template"); // inert: parsed, never run or loaded
  probe.innerHTML = text;
  return probe.content.textContent === text && !probe.content.querySelector("*");
}

function escapeTitles() {
  if (!materialTooltips()) {
    return;
  }
  // Where the theme shows titles as tooltips: the content's (its header's it reads before
  // this runs); elsewhere a title is only what screen readers announce, left as written.
  var titled = ".md-content [title]:not([data-preview]):not([data-hb-escaped])";
  document.querySelectorAll(titled).forEach(function (element) {
    var title = element.getAttribute("title");
    if (!readsAsItself(title)) {
      var text = document.createElement("span");
      text.textContent = title;
      element.setAttribute("title", text.innerHTML);
    }
    element.setAttribute("data-hb-escaped", "");
  });
}

/* A protocol past its review date says so. The date is compared where the page is read,
   by the reader's own calendar: two builds of one commit give the same files, and a site
   built before the date still says so after it. (Material's instant navigation swaps
   pages without reloading this script: `document$` tells of each new page.) */
function showOverdueReviews() {
  var now = new Date();
  var today = [
    String(now.getFullYear()).padStart(4, "0"),
    String(now.getMonth() + 1).padStart(2, "0"),
    String(now.getDate()).padStart(2, "0"),
  ].join("-");
  document.querySelectorAll("[data-review-by]").forEach(function (notice) {
    notice.hidden = !(notice.getAttribute("data-review-by") < today);
  });
}
/* Arriving from a search result (`?h=t+visa`), the theme marks each word searched for
   wherever it starts, inside words too: "t" marked every t of the T visa page ("status",
   "immigration") and "line" the end of "Hotline" (found in an audit). A piece of a mark
   is kept where it starts a word, and is a word of its own or two letters or more of one.
   The theme joins marks a space apart into one ("patient a" of "patient alone"): only
   the stray piece at either end leaves it. Scripts written without spaces (Chinese,
   Japanese, Thai...) have no word starts to tell: their marks stay. The theme marks the
   page once its search index has loaded: the marks are tidied as they come. */
var WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
var UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

function neighbourCharacter(node, before) {
  var next = before ? node.previousSibling : node.nextSibling;
  var text = next ? next.textContent : "";
  return before ? text.slice(-1) : text.charAt(0);
}

/* The mark's text in pieces: words and the spaces between them, the first piece left out
   if it starts inside a word, the last if it is one or two letters of a longer word (a
   search for "trata de personas" marked "describes" and "definition" on the term's page). */
function markPieces(mark) {
  var pieces = mark.textContent.split(/(\s+)/);
  var first = 0;
  var last = pieces.length - 1;
  var before = neighbourCharacter(mark, true);
  if (WORD_CHARACTER.test(before) && !UNSPACED_SCRIPT.test(before + pieces[0].charAt(0))) {
    first = 2; // the piece, and the space after it
  }
  var after = neighbourCharacter(mark, false);
  if (pieces[last].length < 3 && WORD_CHARACTER.test(after) && !UNSPACED_SCRIPT.test(after)) {
    last -= 2;
  }
  return { pieces: pieces, first: first, last: last };
}

function tidySearchMarks(root) {
  root.querySelectorAll("mark[data-md-highlight]").forEach(function (mark) {
    var found = markPieces(mark);
    var pieces = found.pieces;
    if (found.first === 0 && found.last === pieces.length - 1) {
      return;
    }
    var parent = mark.parentNode;
    var kept = pieces.slice(found.first, found.last + 1).join("");
    if (found.first > found.last || !kept.trim()) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    } else {
      var marked = mark.cloneNode(false);
      marked.textContent = kept;
      mark.replaceWith(
        document.createTextNode(pieces.slice(0, found.first).join("")),
        marked,
        document.createTextNode(pieces.slice(found.last + 1).join(""))
      );
    }
    parent.normalize();
  });
}

function watchSearchMarks() {
  if (!new URLSearchParams(location.search).get("h") || !window.MutationObserver) {
    return;
  }
  tidySearchMarks(document.body);
  var observer = new MutationObserver(function (changes) {
    var marked = changes.some(function (change) {
      return Array.prototype.some.call(change.addedNodes, function (node) {
        return node.nodeType === Node.ELEMENT_NODE && node.matches("mark[data-md-highlight]");
      });
    });
    if (marked) {
      observer.disconnect(); // the theme marks a page all at once
      tidySearchMarks(document.body);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

function onEveryPage() {
  nameSectionMenus();
  hideEmptySectionMenus();
  drawerButton();
  checkShownScheme();
  escapeTitles();
  showOverdueReviews();
  watchSearchMarks();
}
if (typeof document$ !== "undefined" && typeof document$.subscribe === "function") {
  document$.subscribe(onEveryPage);
} else {
  onEveryPage();
}

/* The theme's search reads every word typed as the start of a longer one and adds up what
   each page matches, weighting a page's title and tags (a term page's tags are its forms)
   a thousand and a million times its text. So a page whose tags hold one word typed
   outranked one that matched them all: "Hotel or motel employee who suspects trafficking"
   listed ten term pages ("hotel" of "American Hotel & Lodging Association") before the
   protocol of that title (found in an audit). Its answers are therefore put in order:

   - pages whose title (or, for a term's page, one of its forms; for a protocol's, its
     steps too) holds more of the words searched for come first; among those that hold
     as many, the one with fewer other words, then a title before a form, then the
     theme's order, which also stands among pages whose titles hold none of the words.
     Titles, not whole pages: a long page (the changes, a module) holds every word
     somewhere, and its sections; a question of nothing but stop words ("what do I
     do") lists the protocols first;
   - a term's page comes first when one of its forms is typed whole (DESIGN section 7):
     no weighting in the index says "this whole form", and a page whose own forms share
     the words ("sex" of "sexually") could outrank it. Each term page's index entry lists
     its forms and translations as typed (`handbook_typed_forms`, no search field);
   - else a page whose title is typed whole ("What is a coalition", "Propose a change").

   The query itself is asked without its stop words (`searchQuery`), and asked again with
   a letter's leeway for each word that no page holds (`misspeltQuery`).

   The theme draws the answer in that order, its first page scored highest (Enter opens
   the best-scored result), once: see `watchSearchQueries`. The worker is iframe-worker's
   stand-in in an offline build opened as files; its first query finds it. */
var SEARCH_QUERY = 2; // the theme's message types: SETUP, READY, QUERY, RESULT
var SEARCH_RESULT = 3;
// A protocol page's search field of who it is for and what its steps say to do, as
// site/search_boost.STEPS_FIELD names it.
var STEPS_FIELD = "handbook_steps";
// The words of a term page's forms written in capitals ("TIP", "HSI"), as
// site/search_boost.CAPITAL_WORDS_KEY names them: they count only for words typed in
// capitals (DESIGN section 4).
var CAPITAL_WORDS = "handbook_capital_words";

// As site/search_boost.typed_form gives a form; the two must agree.
function typedForm(text) {
  return sharpSAsSs(
    String(text)
      .normalize("NFC")
      .toLowerCase()
  )
    .replace(/[\u2019\u02bc\u2018\uff07]/g, "'") // forms.APOSTROPHES: U+02BC, U+2018, U+FF07 too
    .replace(/[\s\-]+/g, " ")
    .trim()
    .replace(/s's(?= |$)/g, "s'"); // "persons's" and "persons'" are one possessive
}

/* `text` (in lower case: ẞ is then ß) with ß written "ss", as the checks compare forms
   (forms.fold_case) and as the index holds a term's forms beside their own spelling
   (site/search_boost.accentless): "straßenstrich" is "strassenstrich", as the Swiss
   and capitals write it. */
function sharpSAsSs(text) {
  return text.replace(/\u00df/g, "ss");
}

// A title as typed: its words, without the punctuation a query leaves out ("?", ":").
function typedTitle(text) {
  return typedForm(text)
    .replace(/[^\p{L}\p{N}\p{M}' ]+/gu, " ")
    .replace(/ +/g, " ")
    .trim();
}

var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

// A result's title as text: the theme marks the words found in it with HTML and escapes
// the rest. Only compared, never shown, so tags are dropped and the theme's escapes read.
function textOf(html) {
  return String(html || "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (_, name) {
      return ENTITIES[name];
    });
}

// lunr's English stop words, which the theme's search leaves out of every query.
var STOP_WORDS = new Set(
  (
    "a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got " +
    "had has have he her hers him his how however i if in into is it its just least let " +
    "like likely may me might most must my neither no nor not of off often on only or " +
    "other our own rather said say says she should since so some than that the their them " +
    "then there these they this tis to too twas us wants was we were what when where " +
    "which while who whom why will with would yet you your"
  ).split(" ")
);

/* Whether a word is written in capitals, as an acronym is, with its plural's or
   possessive's ending ("TIP", "TIPs", "TIP's"; not "tip" or "Tip"), as
   site/search_boost.in_capitals tells. */
function inCapitals(word) {
  var letters = word.replace(/(?:['\u2019\u02bc\u2018\uff07]s|s['\u2019\u02bc\u2018\uff07]?)$/, "").replace(/[^\p{L}]/gu, "");
  return (
    Array.from(letters).length >= 2 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

// The words searched for (as `searchedWords` gives them) that are typed in capitals.
function wordsInCapitals(typed) {
  var typedWords = String(typed).trim().split(/\s+/).map(unpunctuated);
  return new Set(
    searchedWords(
      typedWords
        .filter(function (word) {
          return inCapitals(word);
        })
        .join(" ")
    )
  );
}

// The words typed that the search looks for: not its stop words, each once.
function searchedWords(typed) {
  var words = typedTitle(typed).split(" ");
  return words.filter(function (word, at) {
    return word && !STOP_WORDS.has(word) && words.indexOf(word) === at;
  });
}

/* What the theme's search is asked for a query typed. The theme reads every word as the
   start of a longer one ("i*"), and its index has no stop words to match whole, so a stop
   word or a single letter matched the start of a term's form, a million times a page's
   text: "how do I report" listed *i*ndicator and Homeland Security *I*nvestigations,
   "I am a nurse" *A*merican Hotel... (found in an audit). The stop words are left out,
   and a single letter is asked for as a word of its own ("t" of "T visa"), unless
   nothing else is left. Each word is asked without the sentence's punctuation at its
   ends: the search's index keeps a word's punctuation, so "What is CSAM?" asked for
   "CSAM?*" and found nothing (found in an audit). Queries in the search's own syntax
   ("quotes", +, -, ~, ^, *, field:word) are the member's to write. */
var QUERY_SYNTAX = /["+~^*]|\S:\S|(^|\s)-/;

/* A word without the punctuation a sentence puts at its ends ("CSAM?", "victim.",
   "coercion,", "(TIP)", "¿trata"), keeping what is inside it ("victim's",
   "sex-trafficking", "AT&T") and the apostrophe of a plural's possessive ("survivors'"). */
function unpunctuated(word) {
  var end = word.match(/[^\p{L}\p{N}\p{M}]+$/u);
  var kept = word.replace(/^[^\p{L}\p{N}\p{M}]+/u, "").replace(/[^\p{L}\p{N}\p{M}]+$/u, "");
  var possessive = end && /s$/i.test(kept) && /^['\u2019\u02bc\u2018\uff07]/.test(end[0]);
  return possessive ? kept + end[0].charAt(0) : kept;
}

function searchQuery(typed) {
  var words = String(typed).trim().split(/\s+/);
  if (QUERY_SYNTAX.test(typed)) {
    return typed;
  }
  var asked = [];
  words.forEach(function (typedWord) {
    var word = unpunctuated(typedWord);
    var bare = typedTitle(word);
    if (!bare || STOP_WORDS.has(bare)) {
      return;
    }
    // "^1": no "*" added. Accents and ß need no second asking: the worker folds them out
    // of the words it indexes and is asked for (search-fold.js).
    asked.push(Array.from(bare).length === 1 ? bare + "^1" : word);
  });
  return asked.some(function (word) {
    return word.slice(-2) !== "^1";
  })
    ? asked.join(" ")
    : typed;
}

/* The query asked again when a word of five letters or more that it asks for is in no
   page, as the worker's answer tells (each result's `terms`: the words asked for that
   start one of its words), that word as itself or a letter off (lunr's `~1`), two for a
   word of nine letters or more ("trafiking" of "trafficking"); null if there is none.
   Also when the other words find pages: "sex trafiking" listed sextortion first, by
   "sex" alone, and "labor trafficing" forced labor (found in an audit). A query whose
   every word is found keeps its answer. */
function misspeltQuery(typed, items) {
  if (QUERY_SYNTAX.test(typed)) {
    return null;
  }
  var found = foundWords(items);
  var fuzzy = false;
  var words = searchQuery(typed)
    .split(/\s+/)
    .map(function (word) {
      var bare = typedTitle(word);
      var letters = Array.from(bare).length;
      if (/\^1$/.test(word) || letters < 5 || bare.indexOf(" ") >= 0 || STOP_WORDS.has(bare)) {
        return word; // a single letter as itself, a short word, "victim's", "would"
      }
      if (HAN_OR_KANA.test(bare)) {
        // Han or kana: a character off is another word, and a Chinese site's index split
        // between characters asked so listed every page (技能実習生 in zh66's audit).
        return word;
      }
      if (found.has(searchAsked(word))) {
        return word; // found, with or without its accents, ß or brackets (search-fold.js)
      }
      fuzzy = true;
      return bare + "~" + leewayOf(bare);
    });
  return fuzzy ? words.join(" ") : null;
}

// Han, hiragana and katakana: no word of theirs is asked again a letter off.
var HAN_OR_KANA = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

// How many letters off a word misspelt may be: one, two for a word of nine or more.
function leewayOf(word) {
  return Array.from(word).length >= 9 ? 2 : 1;
}

// The words asked for that a result holds, folded as the worker folds them (search-fold.js:
// it answers with them so).
function foundWords(items) {
  var found = new Set();
  (items || []).forEach(function (group) {
    group.forEach(function (item) {
      Object.keys(item.terms || {}).forEach(function (word) {
        if (item.terms[word]) {
          found.add(searchAsked(word));
        }
      });
    });
  });
  return found;
}

/* The query typed (as `typedForm` gives it) with each word that `misspelt` asked a few
   letters off written as the word it most likely meant: of the words in the titles and
   forms of the pages found that many letters off, the closest, then the one most of
   those pages hold ("trafiking": "trafficking", not "training"). The answer is then
   ordered as for the words meant: "sex trafiking" lists sex trafficking first. */
function meantQuery(typed, items, misspelt) {
  var leeway = new Map();
  misspelt.split(/\s+/).forEach(function (word) {
    var fuzzy = word.match(/^(.+)~(\d)$/);
    if (fuzzy) {
      leeway.set(fuzzy[1], Number(fuzzy[2]));
    }
  });
  var held = new Map(); // a word of the pages' titles and forms -> how many pages hold it
  items.forEach(function (group) {
    var page = pageOf(group);
    if (!page) {
      return;
    }
    var named = [textOf(page.title)].concat(page.handbook_typed_forms || []);
    new Set(typedTitle(named.join(" ")).split(" ")).forEach(function (word) {
      held.set(word, (held.get(word) || 0) + 1);
    });
  });
  return typedTitle(typed)
    .split(" ")
    .map(function (word) {
      var most = leeway.get(word);
      var meant = null;
      held.forEach(function (pages, namedWord) {
        var apart = most ? lettersApart(word, namedWord, most) : Infinity;
        if (
          apart <= most &&
          (!meant || apart < meant.apart || (apart === meant.apart && pages > meant.pages))
        ) {
          meant = { word: namedWord, apart: apart, pages: pages };
        }
      });
      return meant ? meant.word : word;
    })
    .join(" ");
}

/* How many letters apart two words are, as lunr counts for `~`: a letter left out, added,
   changed, or two swapped; `most + 1` as soon as they are further apart than `most`. */
function lettersApart(a, b, most) {
  a = Array.from(a);
  b = Array.from(b);
  if (Math.abs(a.length - b.length) > most) {
    return most + 1;
  }
  var before = null;
  var previous = b.map(function (_, at) {
    return at + 1;
  });
  previous.unshift(0);
  for (var i = 1; i <= a.length; i++) {
    var row = [i];
    for (var j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], before[j - 2] + 1);
      }
    }
    if (Math.min.apply(null, row) > most) {
      return most + 1;
    }
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/* Each result's words found (its `terms`, as the worker folds them: "victima" for
   "víctima") with the words it marked in the result as the page writes them, where they
   have accents: the theme marks the page a result opens (`?h=`) by these words as
   written, and "victima" marked no "víctima". */
function withWrittenWords(items) {
  items.forEach(function (group) {
    group.forEach(function (item) {
      var terms = item.terms || {};
      var found = Object.keys(terms).filter(function (word) {
        return terms[word];
      });
      if (!found.length) {
        return;
      }
      markedWords(item).forEach(function (word) {
        var indexed = [].concat(searchFoldings(word)); // "mädchen": "madchen", "maedchen"
        var starts = found.some(function (foundWord) {
          return indexed.some(function (folded) {
            return folded.indexOf(foldedWord(foundWord)) === 0;
          });
        });
        if (word !== foldedWord(word) && starts && !(word in terms)) {
          terms[word] = true;
        }
      });
    });
  });
}

// The words a result's title, text and tags mark, in lower case, without punctuation.
function markedWords(item) {
  var fields = [item.title, item.text].concat(item.tags || []);
  var words = new Set();
  fields.forEach(function (html) {
    (String(html || "").match(/<mark>[^<]*<\/mark>/g) || []).forEach(function (mark) {
      textOf(mark)
        .split(/\s+/)
        .forEach(function (word) {
          word = unpunctuated(word).toLowerCase();
          if (word) {
            words.add(word);
          }
        });
    });
  });
  return words;
}

var FOLDED_WORDS = new Map(); // a word or form -> `searchFolded` of it: asked often

// `text` as `searchFolded` (search-fold.js) gives it, as the worker compares words.
function foldedWord(text) {
  var folded = FOLDED_WORDS.get(text);
  if (folded === undefined) {
    folded = searchFolded(text);
    FOLDED_WORDS.set(text, folded);
  }
  return folded;
}

function pageOf(group) {
  return group.find(function (item) {
    return item.location.indexOf("#") < 0;
  });
}

function bestScore(items) {
  var best = 0;
  items.forEach(function (group) {
    group.forEach(function (item) {
      best = Math.max(best, item.score);
    });
  });
  return best;
}

/* How `words` meet a name: how many of them it holds, each as the start of one of its
   words, as the search reads a word typed ("employee" of "employees"), a single letter
   ("t" of "T visa") as a word of its own, with `plurals` a plural in "s" as its singular
   ("signs" of "sign of trafficking": a form's typed plurals are of its last word), a
   word of `namedInCapitals` ("hsi" of "HSI Tip Line") only by one of `capitals` if they
   are given; and how many of its own words (stop words aside) none of them starts. */
function wordsIn(name, words, capitals, namedInCapitals, plurals) {
  var named = typedTitle(name)
    .split(" ")
    .filter(function (word) {
      return word && !STOP_WORDS.has(word);
    });
  var starts = function (word, namedWord) {
    if (capitals && namedInCapitals.has(namedWord) && !capitals.has(word)) {
      return false;
    }
    var typed = foldedWord(word); // with or without accents, as the search finds it
    var inName = foldedWord(namedWord);
    return (
      inName === typed ||
      (typed.length > 1 && inName.indexOf(typed) === 0) ||
      (!!plurals && typed.length > 3 && inName + "s" === typed)
    );
  };
  return {
    found: words.filter(function (word) {
      return named.some(function (namedWord) {
        return starts(word, namedWord);
      });
    }).length,
    other: named.filter(function (namedWord) {
      return !words.some(function (word) {
        return starts(word, namedWord);
      });
    }).length,
  };
}

/* Which of two meetings (`wordsIn`, with `title`: the name is the page's title, and
   `miscased`: how many of the words found meet an acronym typed in lower case) is the
   better: more words found in their case, then more words found, then fewer other words,
   then the title. "tip" lists HSI Tip Line before the page of TIP; "hsi", of no page but
   as an acronym, still lists HSI's before HSI Tip Line's. */
function better(a, b) {
  return (
    b.found - (b.miscased || 0) - (a.found - (a.miscased || 0)) ||
    b.found - a.found ||
    a.other - b.other ||
    (a.title ? 0 : 1) - (b.title ? 0 : 1)
  );
}

/* Which of two results is the better by their pages' best meetings (`bestMeeting`), as
   `better` tells. When neither holds a word searched for, the theme's order stands:
   their other words would count against every long title, listing one-word titles first
   ("how do I report" opened *indicator*: found in an audit). */
function betterResult(a, b) {
  return a.found || b.found ? better(a, b) : 0;
}

/* How `words` best meet a page's title or, for a term's page, one of its forms as typed:
   its plurals, forms to avoid and translations ("victims of trafficking" is the victim
   page's, though its title is "victim": found in review); a form written in capitals
   meets only the words of `capitals` ("TIP", not "tip": found in an audit). */
function bestMeeting(group, words, capitals) {
  var page = pageOf(group);
  if (!page) {
    return { found: 0, other: 0, title: false };
  }
  var name = textOf(page.title);
  var namedInCapitals = new Set(
    (page[CAPITAL_WORDS] || []).concat(Array.from(wordsInCapitals(name)))
  );
  var meet = function (named, isTitle) {
    var meeting = wordsIn(named, words, null, null, !isTitle);
    var inCase = wordsIn(named, words, capitals, namedInCapitals, !isTitle);
    return Object.assign(meeting, { title: isTitle, miscased: meeting.found - inCase.found });
  };
  var title = meet(name, true);
  var steps = textOf(page[STEPS_FIELD] || "");
  if (steps) {
    var stepsInCapitals = wordsInCapitals(steps); // "SOAR" of a step is no "soar" typed
    // A protocol's title names who it is for and when; what it says to do is in its
    // steps: "report" of "Report to the right place" counts as a word of its title.
    title.found = words.filter(function (word) {
      return (
        wordsIn(name, [word]).found || wordsIn(steps, [word], capitals, stepsInCapitals).found
      );
    }).length;
  }
  return (page.handbook_typed_forms || []).reduce(function (best, form) {
    var meeting = meet(form, false);
    return better(meeting, best) < 0 ? meeting : best;
  }, title);
}

/* The groups of results in the order `better` gives their pages' best meetings with the
   words searched for, the theme's among equals (a stable sort); `items` itself if that
   is its order. */
function byTitleWords(items, typed, capitals) {
  var words = searchedWords(typed);
  if (!words.length) {
    return typed ? protocolsFirst(items) : items;
  }
  var counted = items.map(function (group, at) {
    return { group: group, at: at, words: bestMeeting(group, words, capitals) };
  });
  counted.sort(function (a, b) {
    return betterResult(a.words, b.words) || a.at - b.at;
  });
  var moved = counted.some(function (entry, at) {
    return entry.at !== at;
  });
  return moved
    ? counted.map(function (entry) {
        return entry.group;
      })
    : items;
}

/* The groups with the protocols' pages first, the theme's order kept among the two: for
   a question made of words the search leaves out ("what do I do", "what should I do"),
   which found pages only by the starts of words ("do" of "domestic"). The protocols say
   what to do. */
function protocolsFirst(items) {
  var isProtocol = function (group) {
    var page = pageOf(group);
    return !!page && !!page[STEPS_FIELD];
  };
  var ordered = items.filter(isProtocol).concat(
    items.filter(function (group) {
      return !isProtocol(group);
    })
  );
  return ordered.some(function (group, at) {
    return group !== items[at];
  })
    ? ordered
    : items;
}

/* Where the page is whose form, or else whose title, is `typed` whole; -1 if none. A
   form is also typed whole with a sentence's punctuation around its words ("victim.",
   "What is CSAM?" asks for "csam"), and as written with its own ("Realize, Recognize"). A
   form's words written in capitals are typed whole only in capitals (`capitals`). */
function typedPageAt(items, typed, capitals) {
  var plain = typed.split(" ").map(unpunctuated).filter(Boolean).join(" ");
  var title = typedTitle(typed);
  // As typed first, then with or without accents ("victima", "area" of "área"): a
  // glossary may hold two forms that differ only by them ("año", "ano").
  var at = -1;
  [String, foldedWord].some(function (fold) {
    at = formOrTitleAt(items, fold(typed), fold(plain), fold(title), capitals, fold);
    return at >= 0;
  });
  return at;
}

function formOrTitleAt(items, typed, plain, title, capitals, fold) {
  var form = items.findIndex(function (group) {
    var page = pageOf(group);
    var namedInCapitals = (page && page[CAPITAL_WORDS]) || [];
    var forms = ((page && page.handbook_typed_forms) || [])
      .filter(function (form) {
        return form.split(" ").every(function (word) {
          return namedInCapitals.indexOf(word) < 0 || capitals.has(word);
        });
      })
      .map(fold);
    return forms.indexOf(typed) >= 0 || (!!plain && forms.indexOf(plain) >= 0);
  });
  if (form >= 0) {
    return form;
  }
  return items.findIndex(function (group) {
    var page = pageOf(group);
    return !!title && !!page && fold(typedTitle(textOf(page.title))) === title;
  });
}

/* The groups with the one at `at` first and its page first in it, scored above all;
   `items` itself if it is so already. */
function firstAt(items, at) {
  var best = bestScore(items);
  var page = pageOf(items[at]);
  if (!page || (at === 0 && items[0][0] === page && page.score >= best)) {
    return items;
  }
  var rest = items[at].filter(function (item) {
    return item !== page;
  });
  var first = [Object.assign({}, page, { score: best + 1 })].concat(rest);
  return [first].concat(items.slice(0, at), items.slice(at + 1));
}

/* A deprecated or proposed term's notice ("Do not use this term; use child sex
   trafficking instead.", "This term is proposed: ...", `handbook_notice` of its page's
   entry, site/search_boost.NOTICE_KEY) first in its result's text. The theme shows of a
   result only the paragraphs that hold the words searched for: "DMST" listed the
   deprecated term's page without the notice that names the term to use, "labour
   exploitation" a proposed term's without saying it is proposed (audits). Its parts are
   plain text, each `[text]` or `[text, lang, dir]`: the English words of a Spanish or
   Arabic site's notice are marked as its page marks them, also where the result shows
   the page's own notice paragraph, which the index holds as text (review rv57d). */
var NOTICE = "handbook_notice";

function noticeHtml(parts) {
  return parts
    .map(function (part) {
      var text = escapedText(part[0]);
      if (!part[1]) {
        return text;
      }
      var dir = part[2] ? ' dir="' + escapedText(part[2]) + '"' : "";
      return '<span lang="' + escapedText(part[1]) + '"' + dir + ">" + text + "</span>";
    })
    .join("");
}

function escapedText(text) {
  return String(text).replace(/[&<>"']/g, function (character) {
    return "&#" + character.charCodeAt(0) + ";";
  });
}

function withNotices(items) {
  items.forEach(function (group) {
    group.forEach(function (item) {
      var parts = item[NOTICE];
      if (!Array.isArray(parts) || !parts.every(Array.isArray)) {
        return;
      }
      var notice = parts
        .map(function (part) {
          return String(part[0]);
        })
        .join("");
      if (!notice) {
        return;
      }
      // The page's own notice paragraph, shown where it holds a word typed, is the
      // index's text, without its marks: shown once, marked, first.
      var text = String(item.text || "").replace(/<p>([^]*?)<\/p>\s*/g, function (whole, inner) {
        return textOf(inner).trim() === notice ? "" : whole;
      });
      item.text = "<p>" + noticeHtml(parts) + "</p> " + text;
    });
  });
}

/* The answer's groups in the order described above, `capitals` the words searched for
   that are typed in capitals (`wordsInCapitals`); `items` itself if that is theirs. */
function rankedAnswer(items, typed, capitals) {
  if (!items.length) {
    return items;
  }
  var ranked = byTitleWords(items, typed, capitals);
  var at = typed ? typedPageAt(ranked, typed, capitals) : -1;
  if (at >= 0) {
    return firstAt(ranked, at);
  }
  return ranked === items ? items : firstAt(ranked, 0);
}

/* The theme draws the list of results anew for each answer, the focused result with the
   rest. A misspelt word's answer comes second, tens of milliseconds after the first: a
   member who had pressed the down arrow into the first answer's list lost the focus to
   the page, and the next arrow started over from the search field (found in review).
   Focus goes back to the result it was on (the same page) where the new list holds it,
   else to the new list's first result. */
var SEARCH_RESULTS = '[data-md-component="search-result"]';
var focusedResult = null; // the search result that has focus, kept while the list is redrawn

document.addEventListener("focusin", function (event) {
  focusedResult = event.target.closest(SEARCH_RESULTS) ? event.target : null;
});
document.addEventListener("focusout", function (event) {
  var result = event.target;
  // Still on the page once the theme is done: focus left it for nothing (a click beside
  // the list), and there is no place to keep. Taken off by a redraw: kept.
  queueMicrotask(function () {
    if (result === focusedResult && result.isConnected && document.activeElement !== result) {
      focusedResult = null;
    }
  });
});

// A result's page and section: the words to mark (`?h=`) change with the query asked.
function resultAddress(link) {
  var url = new URL(link.href, location.href);
  return url.origin + url.pathname + url.hash;
}

function refocusResult() {
  var left = focusedResult;
  var focused = document.activeElement;
  if (!left || left.isConnected || (focused && focused !== document.body)) {
    return;
  }
  var results = document.querySelector(SEARCH_RESULTS);
  var address = left.hasAttribute("href") ? resultAddress(left) : null;
  var same = Array.prototype.find.call(results.querySelectorAll("[href]"), function (link) {
    return resultAddress(link) === address && isRendered(link);
  });
  var first = results.querySelector(".md-search-result__item > .md-search-result__link");
  if (same || first) {
    (same || first).focus();
  }
}

/* A result is the theme's link around an <article>, which gave the link no name of its
   heading's: Chromium computed "", and a screen reader going through the results heard
   "link" alone (found in an audit). Each result's link is named by its heading, not
   only on an answer: the theme draws a list's first ten results with it, the rest four
   at a time as the member scrolls.

   What the result shows under its heading (a page's summary, a section's text, the
   words it misses) was not heard at all, and a term found by another of its forms said
   nothing of why it came up: the forms (its tags) are hidden, as they repeat the "Use:"
   line. That text is the link's description, with, first, the form the search found
   ("Matched: Spanish, trata de personas"). Named by `aria-labelledby`, the link's name
   fell short of the text it shows, which axe reports (label-content-name-mismatch,
   audit): the link takes its name from its content instead, the article read as no
   element of its own (Chromium names a link from none of an article's text), and what
   is the description hidden from that reading. */
var BLOCKS = "p, ul, ol, dl, table, div, pre, blockquote";
var TRANSLATIONS = "handbook_translations"; // as site/search_boost.TRANSLATIONS_KEY names it
var translationsAt = new Map(); // a term page's address -> its [language, text] pairs
var describedParts = 0; // ids given to the parts of results that describe them

function nameSearchResults(results) {
  var links = results.querySelectorAll(".md-search-result__link:not([data-hb-named])");
  links.forEach(function (link) {
    var heading = link.querySelector(":scope > article > :is(h1, h2)");
    if (!heading) {
      return;
    }
    link.setAttribute("data-hb-named", "");
    heading.parentElement.setAttribute("role", "none");
    describeSearchResult(link, heading);
  });
}

function keepTranslations(items) {
  items.forEach(function (group) {
    group.forEach(function (item) {
      if (Array.isArray(item[TRANSLATIONS])) {
        translationsAt.set(pageAddress(item.location), item[TRANSLATIONS]);
      }
    });
  });
}

// The page `href` is of; an index's location is the site's, from its root (the theme's
// `base`), a result's link a whole address.
function pageAddress(href) {
  var root = location.href;
  try {
    root = new URL(JSON.parse(document.getElementById("__config").textContent).base, root).href;
  } catch (error) {
    // no theme's settings to read: the page's own address
  }
  var url = new URL(href, root);
  return url.origin + url.pathname;
}

function describeSearchResult(link, heading) {
  var described = [];
  var run = null; // the text and marks between blocks, in a <span> of their own
  Array.prototype.slice.call(heading.parentElement.childNodes).forEach(function (node) {
    var element = node.nodeType === Node.ELEMENT_NODE;
    if (node === heading || (element && node.matches(".md-search-result__icon, .md-tags"))) {
      run = null;
    } else if (element && node.matches(BLOCKS)) {
      run = null;
      described.push(node);
    } else if (run || node.textContent.trim()) {
      if (!run) {
        run = document.createElement("span");
        node.before(run);
        described.push(run);
      }
      run.appendChild(node);
    }
  });
  var said = matchedForm(link, heading);
  if (said) {
    said.hidden = true;
    heading.parentElement.appendChild(said);
    described.unshift(said);
  }
  var ids = described.map(function (element) {
    describedParts += 1;
    element.id = element.id || "hb-search-result-" + describedParts;
    element.setAttribute("aria-hidden", "true"); // heard as the description
    return element.id;
  });
  if (ids.length) {
    link.setAttribute("aria-describedby", ids.join(" "));
  }
}

// "Matched: Spanish, trata de personas", a <span>: the form of the term the search marked
// most words of, if it is not the heading's; a translation in its language (`lang`).
function matchedForm(link, heading) {
  var best = null;
  var most = 0;
  link.querySelectorAll(".md-tags .md-tag").forEach(function (tag) {
    var marked = tag.querySelectorAll("mark").length;
    if (marked > most) {
      best = tag.textContent.trim();
      most = marked;
    }
  });
  if (!best || best.toLowerCase() === heading.textContent.trim().toLowerCase()) {
    return null;
  }
  var translation = translationOf(link, best);
  var said = document.createElement("span");
  var form = document.createElement("span");
  form.textContent = best;
  inLanguage(form, translation);
  said.append("Matched: " + (translation ? translation[0] + ", " : ""), form, ".");
  return said;
}

// The [language name, text, language code] of the term page `link` leads to whose text
// is `text`, or undefined.
function translationOf(link, text) {
  return (translationsAt.get(pageAddress(link.href)) || []).find(function (pair) {
    return pair[1] === text;
  });
}

// Mark `element` as written in `translation`'s language, as the term's page marks it:
// a screen reader read "trata de personas" in English, and a browser hyphenated it so
// (WCAG 3.1.2, language of parts: badux).
function inLanguage(element, translation) {
  if (translation && translation[2]) {
    element.setAttribute("lang", translation[2]);
    element.setAttribute("dir", "auto");
  }
}

/* A term's forms, which its result carries as the theme's tags for the ranking, were read
   again after its "Use:" line (now out of the index, templates/site/term.md.j2), in a
   navigation landmark of their own (a <nav> in each result: audit). They are hidden
   from screen readers, which name each result by its title, and still rank the page. */
function hideResultTags(results) {
  results.querySelectorAll(".md-tags:not([aria-hidden])").forEach(function (tags) {
    tags.setAttribute("aria-hidden", "true");
    // Shown all the same: a translation among them says its language.
    var link = tags.closest(".md-search-result__link");
    if (link) {
      tags.querySelectorAll(".md-tag").forEach(function (tag) {
        inLanguage(tag, translationOf(link, tag.textContent.trim()));
      });
    }
  });
}

document.querySelectorAll(SEARCH_RESULTS).forEach(function (results) {
  new MutationObserver(function () {
    nameSearchResults(results);
    hideResultTags(results);
  }).observe(results, { childList: true, subtree: true });
});

/* A query that finds nothing showed "No matching documents" and no way on: a member who
   typed their agency's word for something ("pimp", "doctor", "CPS") was left at a dead
   end (audit). Under the count, a hint says what search looks for and links to the
   glossary's A-Z and the protocols, as this page's navigation links to them. */
var NO_RESULTS_HINT = "data-hb-no-results";

// Only a page of this site: mkdocs.yml's navigation may list another host's address or a
// data: one whose path ends so too, and the hint led off the site (security audit). The
// offline build's file: pages have no host, as its links.
function navigationLink(folder) {
  var links = document.querySelectorAll("a.md-nav__link[href]");
  return Array.prototype.find.call(links, function (link) {
    var address = new URL(link.href, location.href);
    var path = address.pathname;
    return (
      address.protocol === location.protocol &&
      address.host === location.host &&
      (path.endsWith("/" + folder + "/") || path.endsWith("/" + folder + "/index.html"))
    );
  });
}

function showNoResultsHint(nothingFound) {
  document.querySelectorAll("[" + NO_RESULTS_HINT + "]").forEach(function (hint) {
    hint.remove();
  });
  var count = document.querySelector(".md-search-result__meta");
  if (!nothingFound || !count) {
    return;
  }
  var hint = document.createElement("p");
  hint.setAttribute(NO_RESULTS_HINT, "");
  hint.className = "hb-no-results";
  hint.append(
    "Search finds words as the handbook writes them. Try another word for it, or one word alone"
  );
  var places = [
    [navigationLink("glossary"), "the glossary A to Z"],
    [navigationLink("protocols"), "the protocols"],
  ].filter(function (place) {
    return place[0];
  });
  places.forEach(function (place, at) {
    hint.append(at === 0 ? ", or look in " : " or ");
    var link = document.createElement("a");
    link.href = place[0].href;
    link.textContent = place[1];
    hint.append(link);
  });
  hint.append(".");
  count.after(hint);
}

// The field emptied: the theme asks nothing, and the count says to type.
document.addEventListener("input", function (event) {
  var field = event.target;
  if (field.matches && field.matches(".md-search__input") && !field.value.trim()) {
    showNoResultsHint(false);
  }
});

/* The theme's listener of its search worker is added before this script runs, and draws
   each answer as it reads the message's `data`. A listener of ours came second and told
   the answer again in the order above: the list was drawn twice a key (typing
   "trafficking" on a phone slowed six times: 6.4 s of main-thread time, 2.4 s for the
   theme alone; audit). So the order is given where the theme reads it, `data` of a
   message from a worker asked a query here, and the theme draws each answer once. An
   answer to a query that a newer one follows is not drawn at all: the newer one's is on
   its way (typing faster than a slow phone answers drew every letter's). */
var SUPERSEDED = -1; // no message type of the theme's: it draws nothing for it

function watchSearchQueries(Worker) {
  var messageData = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data");
  if (!Worker || Worker.prototype.hbWatched || !messageData || !messageData.get) {
    return;
  }
  var queries = new WeakMap(); // worker -> its queries not yet answered, in order
  var shown = new WeakMap(); // an answer's data, as sent or as shown -> as shown
  var answered = new WeakMap(); // a query's last answer, as shown -> the query typed
  var post = Worker.prototype.postMessage;

  // The answer to `asked` (taken off `waiting`) as shown: in our order, or none if a newer
  // query waits.
  var inOrder = function (worker, asked, waiting, message) {
    if (waiting.length) {
      return { type: SUPERSEDED };
    }
    var typed = typedForm(asked.typed);
    var items = message.data && message.data.items;
    var again = !asked.misspelt && Array.isArray(items);
    var misspelt = again ? misspeltQuery(asked.typed, items) : null;
    if (misspelt) {
      // Asked only when no newer query waits: its answer never replaces a newer one's.
      // This answer is drawn meanwhile, a list to move through. Waited for once asked:
      // a query that failed to go has no answer to wait for.
      post.call(worker, { type: SEARCH_QUERY, data: misspelt });
      waiting.push({ typed: asked.typed, misspelt: misspelt });
      return message;
    }
    if (asked.misspelt && Array.isArray(items)) {
      typed = meantQuery(typed, items, asked.misspelt);
    }
    if (Array.isArray(items)) {
      withWrittenWords(items);
      keepTranslations(items);
      withNotices(items);
    }
    var capitals = wordsInCapitals(asked.typed);
    var reordered = Array.isArray(items) ? rankedAnswer(items, typed, capitals) : items;
    var answer = message;
    if (reordered !== items) {
      answer = { type: SEARCH_RESULT, data: Object.assign({}, message.data, { items: reordered }) };
    }
    answered.set(answer, asked.typed);
    return answer;
  };

  // Once for each answer, whoever reads it first; a message that holds an answer as
  // shown (a test's or another script's retelling) is that answer.
  var shownAnswer = function (worker, message) {
    var waiting = queries.get(worker);
    if (!waiting || !message || message.type !== SEARCH_RESULT) {
      return message;
    }
    if (!shown.has(message)) {
      var asked = waiting.shift() || { typed: "" };
      var answer;
      try {
        answer = inOrder(worker, asked, waiting, message);
      } catch (error) {
        // The theme reads the answer here: a throw would reach it, and draw nothing (its
        // search would stop), and the next reading would take the next query's place.
        // Shown in the theme's order instead, once, as answered (review).
        console.error(error);
        answer = message;
        answered.set(answer, asked.typed);
      }
      shown.set(message, answer);
      shown.set(answer, answer);
    }
    return shown.get(message);
  };
  Object.defineProperty(MessageEvent.prototype, "data", {
    configurable: true,
    enumerable: messageData.enumerable,
    get: function () {
      var data = messageData.get.call(this);
      return queries.has(this.target) ? shownAnswer(this.target, data) : data;
    },
  });

  // After the theme's listener: the query's last answer is drawn.
  var markAnswered = function (event) {
    var answer = event.data;
    if (answer && answered.has(answer)) {
      var items = answer.data && answer.data.items;
      showNoResultsHint(Array.isArray(items) && !items.length && !!answered.get(answer).trim());
      // The browser tests wait for it before they move through the list.
      document.documentElement.setAttribute("data-hb-answered", answered.get(answer));
    }
  };
  Worker.prototype.hbWatched = true;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      if (!queries.has(this)) {
        queries.set(this, []);
        this.addEventListener("message", markAnswered);
        this.addEventListener("message", refocusResult); // after the theme's drawing
      }
      queries.get(this).push({ typed: message.data, misspelt: null });
      var asked = Object.assign({}, message, { data: searchQuery(message.data) });
      return post.apply(this, [asked].concat(Array.prototype.slice.call(arguments, 1)));
    }
    return post.apply(this, arguments);
  };
}
watchSearchQueries(window.Worker);
