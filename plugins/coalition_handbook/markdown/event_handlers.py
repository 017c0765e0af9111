"""The names of the event handler content attributes browsers run (`onclick="..."`), as
of 2025, for rule `html.active-content`.

Sources: the HTML Standard, section "Event handlers on elements, Document objects, and
Window objects" (https://html.spec.whatwg.org/multipage/webappapis.html): its
`GlobalEventHandlers` and `WindowEventHandlers` mixins, and the
`DocumentAndElementEventHandlers` (`oncopy`, `oncut`, `onpaste`) of its earlier versions;
the specifications that add to those mixins (Pointer Events, Touch Events, CSS
Animations, CSS Transitions, Selection API, CSS Containment 2, CSS Scroll Snap 2, WebXR
DOM Overlays, Gamepad); SVG's animation event attributes; and the handlers browsers run,
or once ran, outside the standards (prefixed and legacy ones of WebKit, Blink, Gecko).

Every one is `on` and the event's name, in letters only. Browsers add events every year
(`onbeforetoggle` 2023, `onscrollsnapchange` 2024, `oncommand` 2025): the rule reports
any attribute of that form, and this list tells a known handler from a name that no
browser is known to run yet.
"""

from __future__ import annotations

from ..lazy_pattern import LazyPattern

# The HTML Standard's `GlobalEventHandlers`: content attributes of every HTML element.
_GLOBAL = """
onabort onauxclick onbeforeinput onbeforematch onbeforetoggle onblur oncancel oncanplay
oncanplaythrough onchange onclick onclose oncommand oncontextlost oncontextmenu
oncontextrestored oncopy oncuechange oncut ondblclick ondrag ondragend ondragenter
ondragleave ondragover ondragstart ondrop ondurationchange onemptied onended onerror
onfocus onformdata oninput oninvalid onkeydown onkeypress onkeyup onload onloadeddata
onloadedmetadata onloadstart onmousedown onmouseenter onmouseleave onmousemove onmouseout
onmouseover onmouseup onpaste onpause onplay onplaying onprogress onratechange onreset
onresize onscroll onscrollend onsecuritypolicyviolation onseeked onseeking onselect
onslotchange onstalled onsubmit onsuspend ontimeupdate ontoggle onvolumechange onwaiting
onwebkitanimationend onwebkitanimationiteration onwebkitanimationstart
onwebkittransitionend onwheel
"""

# The HTML Standard's `WindowEventHandlers`: content attributes of `<body>` (and
# `<frameset>`), run for the window.
_WINDOW = """
onafterprint onbeforeprint onbeforeunload onhashchange onlanguagechange onmessage
onmessageerror onoffline ononline onpagehide onpagereveal onpageshow onpageswap onpopstate
onrejectionhandled onstorage onunhandledrejection onunload
"""

# Other specifications' additions to those mixins.
_OTHER_STANDARDS = """
ongotpointercapture onlostpointercapture onpointercancel onpointerdown onpointerenter
onpointerleave onpointermove onpointerout onpointerover onpointerrawupdate onpointerup
ontouchcancel ontouchend ontouchmove ontouchstart
onanimationcancel onanimationend onanimationiteration onanimationstart
ontransitioncancel ontransitionend ontransitionrun ontransitionstart
onselectionchange onselectstart
oncontentvisibilityautostatechange
onscrollsnapchange onscrollsnapchanging
onbeforexrselect
ongamepadconnected ongamepaddisconnected
"""

# SVG's animation elements: `<animate onbegin=...>` runs as the page opens.
_SVG = """
onbegin onend onrepeat
"""

# Outside the standards: prefixed, legacy or dropped handlers (SVG 1.1's among them) that
# some browser runs or ran.
_LEGACY = """
onbeforecopy onbeforecut onbeforepaste onmousewheel onsearch onorientationchange
onwebkitfullscreenchange onwebkitfullscreenerror onwebkitbeginfullscreen
onwebkitendfullscreen onwebkitmouseforcechanged onwebkitmouseforcedown
onwebkitmouseforceup onwebkitmouseforcewillbegin onwebkitplaybacktargetavailabilitychanged
onwebkitcurrentplaybacktargetiswirelesschanged onwebkitpresentationmodechanged
onwebkitkeyadded onwebkitkeyerror onwebkitkeymessage onwebkitneedkey
ongesturechange ongestureend ongesturestart
onmozfullscreenchange onmozfullscreenerror onafterscriptexecute onbeforescriptexecute
onactivate onfocusin onfocusout onzoom
ondragexit onshow onautocomplete onautocompleteerror
"""

EVENT_HANDLER_ATTRIBUTES = frozenset(
    (_GLOBAL + _WINDOW + _OTHER_STANDARDS + _SVG + _LEGACY).split()
)

# The form of every event handler attribute's name: `on` and the event's name, letters
# only (HTML parsers read attribute names in lower case). A name with a hyphen, a digit
# or any other character (`onboarding-step`, `on2`) is no event's, in any browser.
HANDLER_FORM = LazyPattern(r"on[a-z]+")


def may_run_as_handler(name: str) -> bool:
    """Whether a browser may run the attribute `name` (in lower case) as an event handler:
    a known one, or a name of their form that no browser is known to run yet."""
    return HANDLER_FORM.fullmatch(name) is not None
