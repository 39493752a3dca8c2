"""Finding the body or post a printed name means, creating it on first sight.

Bodies resolve through `BodyAlias` keys, so every spelling of a board lands
on one row; posts through `PostAlias` keys plus the organisation, so the
Commissioner's Chief Finance Officer and the force's are two seats.
"""

from __future__ import annotations

import re

from django.utils.text import slugify

from minutebook.bodies.models import Body, BodyAlias, Post, PostAlias
from minutebook.bodies.names import acronym, body_key
from minutebook.bodies.posts import ORG_FORCE, ORG_OPCC, STANDARD_POSTS
from minutebook.core.text import fold

_SMALL_WORDS = frozenset({"and", "of", "for", "the", "to", "in", "on", "a"})
#: Words that make a role a seat on the body rather than a post of its own.
_BODY_ROLE_WORDS = frozenset(
    {
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "vice",
        "member",
        "members",
        "councillor",
        "cllr",
        "substitute",
        "observer",
        "coopted",
        "independent",
    }
)
_TEMPORARY_PREFIX = re.compile(r"^\s*(?:t/|temporary\s+|acting\s+|interim\s+)", re.IGNORECASE)
_TRAILING_ORG = re.compile(
    r"\s+(?:for\s+|of\s+|at\s+)?(?:the\s+)?(?P<org>OPCC|Office\s+of\s+(?:the\s+)?(?:Police\s+(?:and|&)\s+Crime\s+"
    r"Commissioner|PCC)|(?:[A-Z][\w-]*\s+)?Constabulary|[A-Z][\w-]*\s+Police)\s*$"
)


def guess_classification(name: str) -> str:
    """A body's classification from its name: the last kind word wins over "board"."""
    key = body_key(name)
    words = set(key.split())
    if "subgroup" in words or "sub group" in key or "working group" in key:
        return Body.Classification.SUB_GROUP
    if "panel" in words:
        return Body.Classification.PANEL
    if "committee" in words:
        return Body.Classification.COMMITTEE
    if "board" in words:
        return Body.Classification.BOARD
    return Body.Classification.OTHER


def display_name(name: str) -> str:
    """A printed name fit for a title: SHOUTED headings become Title Case."""
    name = " ".join(name.split())
    if name.isupper():
        words = name.lower().split(" ")
        name = " ".join(
            w
            if (i and w in _SMALL_WORDS)
            else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
            for i, w in enumerate(words)
        )
    return name


def find_body(name: str) -> Body | None:
    """The body an alias names, or None.

    A leading place may be printed or not: "Cambridgeshire Police and Crime
    Panel" finds the "Police and Crime Panel" and the other way round (when
    only one body ends that way).
    """
    key = body_key(name)
    if not key:
        return None
    alias = BodyAlias.objects.select_related("body").filter(key=key).first()
    if alias:
        return alias.body
    words = key.split()
    if len(words) >= 4:
        alias = BodyAlias.objects.select_related("body").filter(key=" ".join(words[1:])).first()
        if alias:
            return alias.body
    if len(words) >= 3:
        bodies = {
            a.body for a in BodyAlias.objects.select_related("body").filter(key__endswith=f" {key}")
        }
        if len(bodies) == 1:
            return bodies.pop()
    return None


def add_body_alias(body: Body, alias: str) -> bool:
    """Record one more way the body is written; False when the key is taken."""
    key = body_key(alias)
    if not key:
        return False
    existing = BodyAlias.objects.filter(key=key).values_list("body_id", flat=True).first()
    if existing is not None:
        return existing == body.pk
    BodyAlias.objects.create(body=body, alias=alias.strip(), key=key)
    return True


def resolve_body(name: str, *, create: bool = True) -> Body | None:
    """The body `name` means; created with its aliases on first sight when `create`."""
    name = " ".join((name or "").split())
    body = find_body(name)
    if body is not None:
        if body_key(name) != body_key(body.name) and len(body_key(name).split()) > 1:
            add_body_alias(body, name)
        return body
    if not create or not body_key(name):
        return None
    title = display_name(name)
    short = acronym(title)
    known_by_acronym = _body_known_only_as(short) if short else None
    if known_by_acronym is not None:
        # First seen as "BCB", now written out: the same body, named properly at last.
        known_by_acronym.name = title
        known_by_acronym.classification = guess_classification(title)
        known_by_acronym.save(update_fields=["name", "classification", "updated_at"])
        add_body_alias(known_by_acronym, title)
        return known_by_acronym
    body = Body.objects.create(
        name=title, slug=_unique_slug(title), classification=guess_classification(title)
    )
    add_body_alias(body, title)
    if name != title:
        add_body_alias(body, name)
    if short:
        add_body_alias(body, short)
    return body


def _body_known_only_as(short: str) -> Body | None:
    """A body created from an acronym alone ("BCB"), which a full name may now explain."""
    alias = BodyAlias.objects.select_related("body").filter(key=body_key(short)).first()
    if alias is not None and body_key(alias.body.name) == body_key(short):
        return alias.body
    return None


def _unique_slug(name: str) -> str:
    base = slugify(name)[:240] or "body"
    slug, n = base, 2
    while Body.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Posts ---------------------------------------------------------------------


def organisation_class(organisation: str) -> str:
    """The organisation part of a post key: the Commissioner's office, the force, or as printed."""
    key = fold(organisation, drop_words=frozenset({"the"}))
    if not key:
        return ""
    if (
        "opcc" in key.split()
        or "office of police and crime commissioner" in key
        or "office of pcc" in key
    ):
        return "opcc"
    if "constabulary" in key or key.endswith("police") or "police force" in key:
        return "force"
    return key


def post_key(title: str, organisation: str = "") -> str:
    return f"{fold(title, drop_words=frozenset({'the'}))}@{organisation_class(organisation)}"


def role_key(text: str) -> str:
    """The folded form a role is looked up by: "the T/DCC" and "DCC" agree."""
    text = re.sub(r"^\s*the\s+", "", text, flags=re.IGNORECASE)
    return fold(_TEMPORARY_PREFIX.sub("", text), drop_words=frozenset({"the"}))


def split_role(role: str) -> tuple[str, str]:
    """("Chief Constable, Cambridgeshire Constabulary") -> title and organisation.

    An organisation printed without a comma is found too: "Chief Executive
    OPCC", "Director of Finance for OPCC", "Chief Constable Cambridgeshire
    Constabulary", "Head of Policy Office of Police and Crime Commissioner".
    Notes in brackets ("(Observer)") are dropped.
    """
    role = re.sub(r"\([^)]*\)", " ", role)
    role = " ".join(role.split()).strip(" ,;")
    title, _, organisation = role.partition(",")
    title, organisation = title.strip(), organisation.strip()
    if not organisation:
        match = _TRAILING_ORG.search(title)
        if match and match.start() > 0:
            title, organisation = title[: match.start()].strip(), match.group("org").strip()
    return title, organisation


def is_body_role(role: str) -> bool:
    """True for "Chairperson", "Councillor", "Independent Member": a seat on the body, not a post."""
    words = set(fold(role.replace("-", "")).split())
    return bool(words & _BODY_ROLE_WORDS) and len(words) <= 4


def ensure_standard_posts() -> None:
    """Create the posts of `bodies.posts.STANDARD_POSTS` that are missing (one query when all exist)."""
    wanted = {post_key(p.title, p.organisation): p for p in STANDARD_POSTS}
    have = set(Post.objects.filter(key__in=wanted).values_list("key", flat=True))
    for key, spec in wanted.items():
        if key in have:
            continue
        post = Post.objects.create(
            title=spec.title,
            organisation=spec.organisation,
            key=key,
            single_holder=spec.single_holder,
        )
        for alias in (spec.title, *spec.aliases):
            add_post_alias(post, alias)


def add_post_alias(post: Post, alias: str) -> None:
    key = role_key(alias)
    if key:
        PostAlias.objects.get_or_create(post=post, key=key, defaults={"alias": alias.strip()})


def find_posts(text: str, organisation: str = "") -> list[Post]:
    """The posts a role mention names ("the Chief Constable", "PCC CFO").

    Several posts share a bare title ("Chief Finance Officer"); the
    organisation, when given, narrows them.
    """
    key = role_key(text)
    if not key:
        return []
    posts = list(
        Post.objects.filter(aliases__key__in=_role_key_variants(key)).distinct().order_by("pk")
    )
    if len(posts) > 1 and organisation:
        org = organisation_class(organisation)
        narrowed = [p for p in posts if organisation_class(p.organisation) == org]
        posts = narrowed or posts
    return posts


def resolve_post(role: str, organisation: str = "", *, create: bool = True) -> Post | None:
    """The post an attendance role names, created on first sight when `create`.

    `organisation` is used when the role itself names none. Returns None for
    roles that are seats on the body ("Chairperson").
    """
    if not role or is_body_role(role):
        return None
    title, printed_organisation = split_role(role)
    organisation = printed_organisation or organisation
    title = _TEMPORARY_PREFIX.sub("", title).strip()
    if not role_key(title):
        return None
    org = organisation_class(organisation)
    candidates = find_posts(title)
    for post in candidates:
        post_org = organisation_class(post.organisation)
        if not org or not post_org or post_org == org:
            return post
    if not create:
        return None
    organisation = {"opcc": ORG_OPCC, "force": organisation or ORG_FORCE}.get(org, organisation)
    key = post_key(title, organisation)
    post = Post.objects.filter(key=key).first()
    if post is None:
        post = Post.objects.create(title=title, organisation=organisation, key=key)
        add_post_alias(post, title)
        if organisation:
            add_post_alias(post, f"{title}, {organisation}")
    return post


#: First words that are part of a title, never a place to drop ("Deputy Chief Constable").
_TITLE_MODIFIERS = frozenset(
    {
        "deputy",
        "assistant",
        "vice",
        "acting",
        "interim",
        "temporary",
        "senior",
        "joint",
        "chief",
        "head",
        "associate",
        "principal",
        "executive",
        "lead",
        "t",
        "director",
        "police",
        "area",
    }
)


def _role_key_variants(key: str) -> list[str]:
    """The key, and the key without a place: "police and crime commissioner for
    cambridgeshire and peterborough" and "cambridgeshire police and crime
    commissioner" both mean the Commissioner (but "deputy police and crime
    commissioner" does not)."""
    variants = [key]
    head, sep, _ = key.partition(" for ")
    if sep and len(head.split()) >= 2:
        variants.append(head)
    words = key.split()
    if len(words) >= 4 and words[0] not in _TITLE_MODIFIERS:
        variants.append(" ".join(words[1:]))
    return variants
