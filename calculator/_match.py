"""From what a reader typed to a region's code: the one matcher the CLI and the page share.

A reader may type a code (``CA-QC``, ``ca_qc``, ``QC``), a name (``Québec``, ``quebec``,
``Sao Paulo``, ``south korea``, ``Quebec, Canada``) or another name the region is known by
(``UK``, ``Deutschland``), in any case, with or without accents. Only codes in the index
ever come out, so whatever was typed (``../``, ``%2F``, 500 characters) can never become a
file name or an address.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from calculator._errors import MissingFieldError, UnknownRegionError

_CODE_SEPARATORS = re.compile(r"[\s_/.\-]+")
_NOT_A_WORD = re.compile(r"[\W_]+")
#: Longer text is no region's name or code: it is not compared with every name.
_LONGEST = 80
_CODE_ALIAS = re.compile(r"[A-Z]{2,3}")


def no_region(field: str = "region") -> MissingFieldError:
    """The error for a region field left empty."""
    return MissingFieldError(field, "Choose where the employer is, like AU-NSW or US-CA.")


def fold(text: str) -> str:
    """``text`` without accents or case: ``Québec`` and ``QUEBEC`` are both ``quebec``.

    Every mark goes (Unicode category M), then case (``lower``, with ``ß`` as ``ss``): rules
    a browser can follow too, so the page's picker (``region-match.js``) folds alike.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
    return bare.lower().replace("ß", "ss")


def code_key(text: str) -> str:
    """A code as compared: capitals, one dash between parts (``au_nsw`` -> ``AU-NSW``).

    Separators before or after it stay (``../KR`` is no code).
    """
    return _CODE_SEPARATORS.sub("-", fold(text).upper())


def name_key(text: str) -> str:
    """A name as compared: folded, words separated by one space (``Quebec, Canada`` -> ``quebec canada``)."""
    return _NOT_A_WORD.sub(" ", fold(text)).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One region as the matcher sees it."""

    code: str
    #: The name shown for it: ``Quebec, Canada``.
    name: str
    #: Every other way to write it: its own name, names in other languages, codes (``UK``).
    aliases: tuple[str, ...]


class RegionMatcher:
    """Finds a region's code from a reader's text; built once per index."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        """Index ``entries`` by code, by subdivision code and by every name."""
        self._codes = {code_key(entry.code): entry.code for entry in entries}
        self._shown_names = {entry.code: entry.name for entry in entries}
        self._names: dict[str, list[str]] = {}
        self._subdivisions: dict[str, list[str]] = {}
        self._country_aliases: dict[str, str] = {}
        for entry in entries:
            country, _, subdivision = entry.code.partition("-")
            if subdivision:
                self._subdivisions.setdefault(code_key(subdivision), []).append(entry.code)
            for name in (entry.name, *entry.aliases):
                self._add_name(name, entry.code)
                if not subdivision and _CODE_ALIAS.fullmatch(name):
                    self._country_aliases[name] = country

    def _add_name(self, name: str, code: str) -> None:
        codes = self._names.setdefault(name_key(name), [])
        if code not in codes:
            codes.append(code)

    def match(self, text: str, field: str = "region") -> str:
        """The code of the region ``text`` names.

        Raises:
            MissingFieldError: nothing was typed.
            UnknownRegionError: no region, or several, go by ``text``; it suggests near ones.
        """
        typed = text.strip()
        if not typed:
            raise no_region(field)
        if len(typed) > _LONGEST:
            raise _unknown(field, typed, ())
        found = self._found(typed)
        if len(found) == 1:
            return found[0]
        if found:
            named = [f"{code} ({self._shown_names[code]})" for code in found[:5]]
            raise UnknownRegionError(
                field,
                f"“{_shown(typed)}” could be {_either(named)}: type the one you mean.",
                tuple(found[:5]),
            )
        raise _unknown(field, typed, self.near(typed))

    def named(self, text: str) -> str | None:
        """The code of the one region ``text`` names exactly, else None: no suggestions made."""
        typed = text.strip()
        if not typed or len(typed) > _LONGEST:
            return None
        found = self._found(typed)
        return found[0] if len(found) == 1 else None

    def _found(self, typed: str) -> list[str]:
        """The regions ``typed`` names exactly: one, several (``SP``), or none."""
        key = code_key(typed)
        country, _, rest = key.partition("-")
        if key in self._codes:
            return [self._codes[key]]
        if country in self._country_aliases:  # UK-SCT, GBR-SCT
            aliased = "-".join(filter(None, (self._country_aliases[country], rest)))
            if aliased in self._codes:
                return [self._codes[aliased]]
        found = list(self._names.get(name_key(typed)) or self._subdivisions.get(key, []))  # a copy: ours
        countries = [code for code in found if "-" not in code]
        return countries if len(countries) == 1 else found  # a country before its namesakes (Georgia)

    def options(self, typed: str, count: int = 8, *, near: bool = True) -> tuple[str, ...]:
        """Up to ``count`` codes to offer a reader typing ``typed`` (a picker's list), best first.

        The region ``typed`` names exactly comes first; then regions whose code, name or other
        name starts with it, then those with a word that starts with it (``wales`` finds New
        South Wales), countries before subdivisions, shorter names first; near spellings
        when nothing else is found (and ``near``). The page's picker follows the same rules
        but the near spellings (``docs/assets/javascripts/calculator/region-match.js``).
        """
        typed = typed.strip()
        if not typed or len(typed) > _LONGEST:
            return ()
        found = self._found(typed)
        key, name = code_key(typed), name_key(typed)
        ranked: list[tuple[int, int, int, str]] = []
        for known, codes in self._names.items():
            rank = 0 if known.startswith(name) else 1 if f" {name}" in f" {known}" else None
            if rank is not None and name:
                ranked += [(rank, "-" in code, len(known), code) for code in codes]
        ranked += [
            (0, "-" in code, len(code), code)
            for found_key, code in self._codes.items()
            if key and found_key.startswith(key)
        ]
        found += [code for *_, code in sorted(ranked)]
        return tuple(dict.fromkeys(found or (self.near(typed, count) if near else ())))[:count]

    def near(self, typed: str, count: int = 3) -> tuple[str, ...]:
        """Up to ``count`` codes of regions whose code or name is close to ``typed``, closest first."""
        # Only a reader's typo needs difflib: importing it up front would slow every first answer.
        import difflib  # noqa: PLC0415

        key, name = code_key(typed), name_key(typed)
        scored = [
            (difflib.SequenceMatcher(None, key, found).ratio(), self._codes[found])
            for found in difflib.get_close_matches(key, list(self._codes), n=count, cutoff=0.6)
        ]
        for found in difflib.get_close_matches(name, list(self._names), n=count, cutoff=0.75):
            ratio = difflib.SequenceMatcher(None, name, found).ratio()
            scored += [(ratio, code) for code in self._names[found]]
        ranked = [code for _ratio, code in sorted(scored, key=lambda pair: -pair[0])]
        return tuple(dict.fromkeys(ranked))[:count]


def _shown(text: str) -> str:
    return text[:40] + ("…" if len(text) > 40 else "")  # noqa: PLR2004


def _unknown(field: str, typed: str, suggestions: tuple[str, ...]) -> UnknownRegionError:
    hint = f" Did you mean {_either(suggestions)}?" if suggestions else ""
    return UnknownRegionError(
        field,
        f"We don't have holidays for “{_shown(typed)}”.{hint} "
        "Use a country code like GB, or a state like AU-NSW.",
        suggestions,
    )


def _either(codes: Iterable[str]) -> str:
    listed = list(codes)
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} or {listed[-1]}"
