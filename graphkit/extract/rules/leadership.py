"""LEADS: a person's office from the title at their name ("NATO Secretary-General Mark Rutte"),
or the gazetteer's dated terms when the text names the state ("South Africa's Cyril Ramaphosa")."""
from __future__ import annotations

from graphkit.extract.lexicon import WORDS
from graphkit.extract.reading import Reading
from graphkit.model import NodeKind, RelationType


def leads(r: Reading) -> None:
    """A current title at a person's name: they lead what it serves, or what the gazetteer says the office is for."""
    for i, m in enumerate(r.ra.mentions):
        pid = r.ra.entity_of[i]
        if m.kind is not NodeKind.PERSON or not pid or not m.role or m.former or m.how == "descriptor":
            continue
        target = m.affiliation
        rule = "title:explicit"
        if target is None:
            target = known_office(r, pid, m.role)
            rule = "title:gazetteer"
        if target and target not in r.nodes:
            r.imply_node(target)
        if target and target in r.nodes:
            sent = r.doc[m.start].sent
            r.add(pid, RelationType.LEADS, target, sent, rule, 0.95 if rule == "title:explicit" else 0.85,
                  role=m.role)


def leads_by_description(r: Reading) -> None:
    """"the French president" read as the article's one French person whose office is president: they
    lead France ("Emmanuel Macron was absent. ... the French president had pledged")."""
    gz = r.ra.gazetteer
    for i, m in enumerate(r.ra.mentions):
        pid = r.ra.entity_of[i]
        if m.how != "descriptor" or not m.described_state or not pid or r.kind(pid) is not NodeKind.PERSON:
            continue
        office = gz.office_for(m.text) if gz is not None else None
        if office is None or r.nodes[pid].properties.get("office") != office.canonical:
            continue
        if m.described_state not in r.nodes:
            r.imply_node(m.described_state)
        r.add(pid, RelationType.LEADS, m.described_state, r.doc[m.start].sent, "description", 0.8,
              role=office.canonical)


def leads_by_affiliation(r: Reading) -> None:
    """No title, but a state named at the name and an office the gazetteer knows: "South Africa's
    Cyril Ramaphosa", "his Cambodian counterpart Hun Manet", "the United States, whose president,
    Donald Trump"."""
    gz = r.ra.gazetteer
    if gz is None:
        return
    for i, m in enumerate(r.ra.mentions):
        pid = r.ra.entity_of[i]
        if m.kind is not NodeKind.PERSON or not pid or m.role or m.former or pid not in gz.office_holders:
            continue
        state = state_at_name(r, m.start)
        if state is None:
            continue
        for term in gz.offices_held(pid, r.ra.article.date):
            if term.state == state:
                if state not in r.nodes:
                    r.imply_node(state)
                r.add(pid, RelationType.LEADS, state, r.doc[m.start].sent, "affiliation:gazetteer", 0.8,
                      role=term.role)
                break


def state_at_name(r: Reading, start: int) -> str | None:
    """The state named just before a name: "South Africa's Cyril Ramaphosa", "his Cambodian counterpart Hun Manet"."""
    j = start - 1
    while j >= 0 and r.doc[j].text in WORDS["name_lead_skips"]:
        j -= 1
    if j < 0:
        return None
    tok = r.doc[j]
    if tok.text in WORDS["possessive_markers"] and j > 0:  # "South Africa's Cyril Ramaphosa"
        eid = r.entity_at(r.doc[j - 1])
    elif tok.lemma_.lower() in WORDS["office_nouns_before_name"]:
        # "his Cambodian counterpart Hun Manet", "Italy's prime minister, Giorgia Meloni"
        eid = next((e for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                    for e in [r.entity_at(c)] if e), None)
        if eid is None and any(c.lower_ == "whose" for c in tok.children) and tok.head.dep_ == "relcl":
            eid = r.entity_at(tok.head.head)  # "the United States, whose president, Donald Trump"
    elif j == start - 1 and _demonym_at(r, j):  # "Jordanian King Abdullah II" (the title inside the name)
        eid = r.entity_at(tok)
    else:
        return None
    return eid if eid and r.kind(eid) is NodeKind.STATE else None


def _demonym_at(r: Reading, token_i: int) -> bool:
    k = r.ra.mention_at(token_i)
    return k is not None and r.ra.mentions[k].how == "demonym" and r.ra.mentions[k].end == token_i + 1


def known_office(r: Reading, pid: str, role: str) -> str | None:
    """The state or body the gazetteer has this person holding `role` for (on the article's date if it can)."""
    gz = r.ra.gazetteer
    if gz is None or pid not in gz.office_holders:
        return None
    terms = gz.offices_held(pid, r.ra.article.date) or gz.offices_held(pid, None)
    if not r.ra.article.date:  # an undated article may be from any of their terms: the title says which
        terms = [*terms, *gz.office_holders[pid].offices]
    for t in terms:
        if t.role == role or role.lower() in t.role.lower() or t.role.lower() in role.lower():
            return t.state or t.organization
    return None


def leads_by_term(r: Reading) -> None:
    """No title at the name, but the gazetteer's dated terms say what the person held on the article's
    date, for a state the article names as an actor: "Macron was the most conspicuous absentee" in an
    article about France. Only dated articles (an undated one could be from any term), never a person
    the text calls "former", and only when exactly one of their current states is named."""
    gz, on = r.ra.gazetteer, r.ra.article.date
    if gz is None or not on:
        return
    led = {f.source for f in r.found if f.type is RelationType.LEADS}
    for pid, idx in r.ra.mentions_of.items():
        if pid in led or pid not in gz.office_holders or r.kind(pid) is not NodeKind.PERSON:
            continue
        if any(r.ra.mentions[i].former for i in idx):
            continue
        named = {t.state: t.role for t in gz.offices_held(pid, on)
                 if t.state and any(i not in r.ra.venues for i in r.ra.mentions_of.get(t.state, []))}
        if len(named) != 1:
            continue
        (state, role), = named.items()
        sents = [r.doc[r.ra.mentions[i].start].sent for i in idx]
        with_state = [s for s in sents if any(s.start <= r.ra.mentions[i].start < s.end
                                              for i in r.ra.mentions_of.get(state, []))]
        r.add(pid, RelationType.LEADS, state, (with_state or sents)[0], "term:gazetteer", 0.7, role=role)
