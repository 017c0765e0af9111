/* Coalition Handbook: search that reads a letter with or without its accent as one.
   The `handbook` plugin adds this file to the end of Material's search worker, and to
   the start of handbook.js. The worker indexes every word as written, in lower case
   (its pipeline keeps only the stop word filter), and reads each word typed as the
   start of one: "victima" found no page that wrote "víctima", "coercion" none that
   wrote "coerción", though members type so on phones and English keyboards (audit).
   So the words of the index and the words asked for are both folded, the index's
   positions kept: results show and mark the words as the pages write them. */

// Letters that have no accent to drop, as slugs.folded_latin writes them.
var FOLDED_LETTERS = {
  ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d", ð: "d", þ: "th",
  ı: "i", ħ: "h", ŧ: "t", ŋ: "n",
};
var UNFOLDED = /[ßæøœłđðþıħŧŋ]/g;

/* `text` in lower case, its Latin letters without accents, ß as "ss", and the Latin
   letters with no accent to drop as ASCII ("Víctima" -> "victima", "Łódź" -> "lodz"),
   as slugs.folded_latin folds a name; the curly apostrophe and the modifier letter one
   some phone keyboards type (U+02BC) as a straight one, which the index holds a term's
   possessives with, once (site/search_boost.other_search_forms): "survivorʼs" and
   "survivor’s" find "survivor's". Other scripts keep their marks: a Devanagari
   vowel sign or a Cyrillic breve (й) makes another letter, no accent. */
function searchFolded(text) {
  var folded = String(text)
    .normalize("NFKD")
    .toLowerCase()
    .replace(UNFOLDED, function (letter) {
      return FOLDED_LETTERS[letter];
    })
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1");
  return (ARABIC_LETTER.test(folded) ? searchFoldedArabic(folded) : folded)
    .normalize("NFC")
    .replace(/[\u2019\u02bc\u2018]/g, "'"); // forms.APOSTROPHES (U+FF07: NFKD's "'")
}

/* Arabic script as matching.py reads it: "الاتجار" found no page that wrote
   "الاتِّجَار" (vowel marks) or "الإتجار" (alef with hamza), as Latin accents were found
   (audit of an Arabic site). Vowel marks (harakat, U+064B-U+065F, the superscript alef
   U+0670) and tatweel (U+0640) are dropped, alef with hamza or madda and alef wasla are
   alef, Persian yeh and keheh are Arabic yeh and kaf. `text` is in NFKD: the hamza or
   madda of an alef is a mark of its own there, dropped with the harakat, and a PDF's
   presentation forms ("ﺍﻻﺗﺠﺎﺭ", U+FB50-U+FDFF, U+FE70-U+FEFF) are letters. Only text with
   an Arabic letter is read so: a Latin site pays nothing. */
var ARABIC_LETTER = /[\u0600-\u06ff]/;
var ARABIC_FOLDED = { "\u0671": "\u0627", "\u06cc": "\u064a", "\u06a9": "\u0643" };

function searchFoldedArabic(text) {
  return text
    .replace(/ (?=[\u064b-\u065f\u0670])/g, "") // a PDF's isolated mark (U+FE7A): NFKD spaced it
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[\u0622\u0623\u0625]/g, "\u0627")
    .replace(/[\u0671\u06cc\u06a9]/g, function (letter) {
      return ARABIC_FOLDED[letter];
    });
}

/* `word` without the quotes, brackets and marks around it: the theme's default separator
   splits at spaces and dashes only, so "(OHCHR)" and "“safe”" were words of their own,
   and "OHCHR" typed found no page that wrote it only in brackets (review). A mark that
   ends a word stays: in Devanagari or Arabic it is a vowel, "हिंदी" is no "हिंद". */
function searchTrimmed(word) {
  return word.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, "");
}

/* A word typed as the worker asks for it: folded and trimmed ("(OHCHR)" -> "ohchr"), a
   phone number typed with dots or brackets as its digits joined ("888.373.7888" ->
   "8883737888", as site/search_numbers.py indexes a page's numbers); a word of marks
   alone as it is. */
function searchAsked(word) {
  var folded = searchFolded(word);
  if (/^\+?\(?\d+\)?(?:[.()]+\d+)+\)?$/.test(folded)) {
    return folded.replace(/\D/g, "");
  }
  return searchTrimmed(folded) || folded;
}

/* The words the index holds for a word of a page: folded, and a word with ä, ö or ü
   also as German writes it without them ("mädchen": "madchen" and "maedchen"). */
function searchFoldings(word) {
  var folded = searchFolded(word);
  if (!/[äöü]/.test(word.normalize("NFC"))) {
    return folded;
  }
  var german = searchFolded(
    word.normalize("NFC").replace(/[äöü]/g, function (vowel) {
      return vowel.normalize("NFD").charAt(0) + "e";
    })
  );
  return german === folded ? folded : [folded, german];
}

/* In the worker (its Lunr.js is `self.lunr`): every word indexed goes through
   `searchFoldings` last, after the theme's own pipeline (a language's stop words are
   written with their accents), and every word asked for through `searchFolded`. A
   query's words go through no pipeline when they end in "*", as the theme asks every
   word, so a query's word is folded as the query becomes clauses. */
(function (lunr) {
  if (!lunr || !lunr.Builder || !lunr.Query || lunr.Builder.prototype.handbookFolds) {
    return; // the page (handbook.js), or the theme changed what it ships
  }
  var fold = function (token) {
    var word = token.toString();
    if (/^[a-z0-9][\x00-\x7f]*[a-z0-9]$|^[a-z0-9]$/.test(word)) {
      return token; // in lower case already (the theme's tokenizer): most words, at once
    }
    word = searchTrimmed(word);
    if (!word) {
      return null; // a dash, a bracket: no word
    }
    var words = searchFoldings(word);
    return Array.isArray(words)
      ? words.map(function (word) {
          return token.clone(function () {
            return word;
          });
        })
      : token.update(function () {
          return words;
        });
  };
  lunr.Pipeline.registerFunction(fold, "handbookFold");
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    if (this.pipeline._stack.indexOf(fold) < 0) {
      this.pipeline.add(fold);
    }
    return add.apply(this, arguments);
  };
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (asked) {
    if (asked && typeof asked.term === "string") {
      // The theme asks every word with "*" after it: the mark stays, the word is trimmed.
      var parts = /^(\*?)([\s\S]*?)(\*?)$/.exec(asked.term);
      asked.term = parts[1] + searchAsked(parts[2]) + parts[3];
    }
    return clause.apply(this, arguments);
  };
  lunr.Builder.prototype.handbookFolds = true;
})(typeof self !== "undefined" ? self.lunr : undefined);
