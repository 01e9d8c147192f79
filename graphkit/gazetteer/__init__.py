"""World knowledge for the extractor: states, organizations, office titles and office holders.

Usage::

    from graphkit.gazetteer import load_gazetteer
    gz = load_gazetteer()
    gz.state_for("the Kremlin")        # 'RUS'
    gz.organization_for("Nato")        # 'nato'
    gz.office_for("Taoiseach")         # Office(canonical='Prime Minister', level='state')
"""

from graphkit.gazetteer.loader import (
    Country,
    Gazetteer,
    Office,
    OfficeHolder,
    OfficeTerm,
    Organization,
    fold_accents,
    load_gazetteer,
    normalize,
)

__all__ = [
    "Country",
    "Gazetteer",
    "Office",
    "OfficeHolder",
    "OfficeTerm",
    "Organization",
    "fold_accents",
    "load_gazetteer",
    "normalize",
]
