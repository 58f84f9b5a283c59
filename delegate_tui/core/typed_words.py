"""Provides the words a person may type for the board's choices (stages, log kinds, areas,
absence answers, levels, reasons), in English and in French, and how typed text is folded
before it is compared: any case, accents or not, and apostrophes, spaces and underscores as
'-' (`Confié à l'équipe` is `confie-a-l-equipe`). Every language is read whatever the language
of the run: a French word typed on an English machine is still the same stable id.
Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s_'\u2019\u02bc`\u00b4-]+")


def fold(value: str | None) -> str:
    """The spelling typed words are compared in: `Perte d'efficacité ` is `perte-d-efficacite`."""
    text = unicodedata.normalize("NFKD", (value or "").strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SEPARATORS.sub("-", text).strip("-")


NONE_WORDS: frozenset[str] = frozenset({"", "none", "aucun", "aucune", "rien"})
"""What clears a choice that may be empty ('-' folds to '')."""

FRENCH_STAGES: dict[str, str] = {
    "moi-seul": "only-me",
    "moi": "only-me",
    "en-delegation": "delegating",
    "delegation": "delegating",
    "delegue": "delegating",
    "confie-a-l-equipe": "team-owned",
    "confie": "team-owned",
    "equipe": "team-owned",
}

ENGLISH_LOG_KINDS: dict[str, str] = {
    "efficiency": "efficiency-loss",
    "dip": "efficiency-loss",
    "errors": "error",
}

FRENCH_LOG_KINDS: dict[str, str] = {
    "erreur": "error",
    "erreurs": "error",
    "ajustement": "adjustment",
    "ajustements": "adjustment",
    "perte-d-efficacite": "efficiency-loss",
    "pertes-d-efficacite": "efficiency-loss",
    "perte": "efficiency-loss",
    "efficacite": "efficiency-loss",
    "doute": "doubt",
    "doutes": "doubt",
}

ENGLISH_AREAS: dict[str, str] = {
    "sales": "sales-marketing",
    "marketing": "sales-marketing",
    "hr": "hr-legal",
}

FRENCH_AREAS: dict[str, str] = {
    "direction": "direction",
    "finances": "finance",
    "achats": "finance",
    "finances-et-achats": "finance",
    "commercial": "sales-marketing",
    "commercial-et-marketing": "sales-marketing",
    "rh": "hr-legal",
    "juridique": "hr-legal",
    "rh-et-juridique": "hr-legal",
    "logistique": "logistics",
    "transport": "logistics",
    "production": "production",
    "terrain": "production",
    "qualite": "quality",
}

ENGLISH_ABSENCE: dict[str, str] = {
    "stop": "stops",
    "struggle": "struggles",
    "difficulty": "struggles",
    "run": "runs",
    "wait": "waits",
    "waits-for-you": "waits",
    "waits-for-your-return": "waits",
}

FRENCH_ABSENCE: dict[str, str] = {
    "tout-s-arrete": "stops",
    "s-arrete": "stops",
    "arret": "stops",
    "arrete": "stops",
    "scenario-1": "stops",
    "ca-tourne-mais-difficilement": "struggles",
    "difficilement": "struggles",
    "difficile": "struggles",
    "scenario-2": "struggles",
    "ca-tourne-normalement": "runs",
    "tourne": "runs",
    "normalement": "runs",
    "normal": "runs",
    "scenario-3": "runs",
    "attend": "waits",
    "attend-votre-retour": "waits",
    "ca-attend-votre-retour": "waits",
    "attend-mon-retour": "waits",
    "en-attente": "waits",
}

FRENCH_LEVELS: dict[str, str] = {
    "dire": "tell",
    "vendre": "sell",
    "consulter": "consult",
    "s-accorder": "agree",
    "accorder": "agree",
    "conseiller": "advise",
    "s-enquerir": "inquire",
    "enquerir": "inquire",
    "deleguer": "delegate",
}
"""French level names to the English ones (LEVELS), which give the number."""

ENGLISH_REASONS: dict[str, str] = {
    "standardized": "standardised",
    "standard": "standardised",
    "low": "low-value",
    "emergencies": "emergency",
}

FRENCH_REASONS: dict[str, str] = {
    "repetitif": "repetitive",
    "repetitives": "repetitive",
    "repetitifs": "repetitive",
    "taches-repetitives": "repetitive",
    "standardisee": "standardised",
    "standardise": "standardised",
    "standardisees": "standardised",
    "taches-techniques-standardisees": "standardised",
    "faible-valeur": "low-value",
    "taches-a-faible-valeur-dirigeant": "low-value",
    "urgence": "emergency",
    "urgences": "emergency",
    "urgences-operationnelles": "emergency",
}

ENGLISH_ROLES: dict[str, str] = {
    "vision": "entrepreneur",
    "manages": "manager",
    "management": "manager",
    "organises": "manager",
    "organizes": "manager",
    "tech": "technician",
    "does-the-work": "technician",
    "operations": "technician",
}

FRENCH_ROLES: dict[str, str] = {
    "entrepreneur": "entrepreneur",
    "entrepreneuse": "entrepreneur",
    "manageur": "manager",
    "manageuse": "manager",
    "gestionnaire": "manager",
    "organise": "manager",
    "technicien": "technician",
    "technicienne": "technician",
    "technique": "technician",
    "fait-le-travail": "technician",
}
