"""Finding the body or post a printed name means, creating it on first sight.

Bodies resolve through `BodyAlias` keys, so every spelling of a board lands
on one row; posts through `PostAlias` keys plus the organisation, so the
Commissioner's Chief Finance Officer and the force's are two seats.

`BodyDirectory` and `PostDirectory` read every alias once and answer from
memory, writing what they create straight to the database; an import run
keeps one of each for all its documents. The module functions use a
directory of their own for a single lookup.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

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


class BodyDirectory:
    """Every body by the keys of its aliases, read in one query on first use."""

    def __init__(self) -> None:
        self._by_key: dict[str, Body] | None = None

    def _aliases(self) -> dict[str, Body]:
        if self._by_key is None:
            bodies: dict[int, Body] = {}
            self._by_key = {
                alias.key: bodies.setdefault(alias.body_id, alias.body)
                for alias in BodyAlias.objects.select_related("body").order_by()
            }
        return self._by_key

    def find(self, name: str) -> Body | None:
        """The body an alias names, or None.

        A leading place may be printed or not: "Cambridgeshire Police and Crime
        Panel" finds the "Police and Crime Panel" and the other way round (when
        only one body ends that way).
        """
        key = body_key(name)
        if not key:
            return None
        aliases = self._aliases()
        if key in aliases:
            return aliases[key]
        words = key.split()
        if len(words) >= 4 and " ".join(words[1:]) in aliases:
            return aliases[" ".join(words[1:])]
        if len(words) >= 3:
            suffix = f" {key}"
            bodies = {body.pk: body for k, body in aliases.items() if k.endswith(suffix)}
            if len(bodies) == 1:
                return bodies.popitem()[1]
        return None

    def add_alias(self, body: Body, alias: str) -> bool:
        """Record one more way the body is written; False when the key is taken."""
        key = body_key(alias)
        if not key:
            return False
        aliases = self._aliases()
        if key in aliases:
            return aliases[key].pk == body.pk
        BodyAlias.objects.create(body=body, alias=alias.strip(), key=key)
        aliases[key] = body
        return True

    def resolve(self, name: str, *, create: bool = True) -> Body | None:
        """The body `name` means; created with its aliases on first sight when `create`."""
        name = " ".join((name or "").split())
        body = self.find(name)
        if body is not None:
            if body_key(name) != body_key(body.name) and len(body_key(name).split()) > 1:
                self.add_alias(body, name)
            return body
        if not create or not body_key(name):
            return None
        title = display_name(name)
        short = acronym(title)
        known_by_acronym = self._known_only_as(short) if short else None
        if known_by_acronym is not None:
            # First seen as "BCB", now written out: the same body, named properly at last.
            known_by_acronym.name = title
            known_by_acronym.classification = guess_classification(title)
            known_by_acronym.save(update_fields=["name", "classification", "updated_at"])
            self.add_alias(known_by_acronym, title)
            return known_by_acronym
        body = Body.objects.create(
            name=title, slug=_unique_slug(title), classification=guess_classification(title)
        )
        self.add_alias(body, title)
        if name != title:
            self.add_alias(body, name)
        if short:
            self.add_alias(body, short)
        return body

    def _known_only_as(self, short: str) -> Body | None:
        """A body created from an acronym alone ("BCB"), which a full name may now explain."""
        body = self._aliases().get(body_key(short))
        if body is not None and body_key(body.name) == body_key(short):
            return body
        return None


def add_body_alias(body: Body, alias: str) -> bool:
    """Record one more way the body is written; False when the key is taken."""
    return BodyDirectory().add_alias(body, alias)


def resolve_body(name: str, *, create: bool = True) -> Body | None:
    """The body `name` means; created with its aliases on first sight when `create`."""
    return BodyDirectory().resolve(name, create=create)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:240] or "body"
    slug, n = base, 2
    while Body.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Posts ---------------------------------------------------------------------


@lru_cache(maxsize=1024)
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


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=1024)
def is_body_role(role: str) -> bool:
    """True for "Chairperson", "Councillor", "Independent Member": a seat on the body, not a post."""
    words = set(fold(role.replace("-", "")).split())
    return bool(words & _BODY_ROLE_WORDS) and len(words) <= 4


class PostDirectory:
    """Every post and the keys of its aliases, read in two queries on first use."""

    def __init__(self) -> None:
        self._posts: dict[int, Post] | None = None
        self._by_key: dict[str, Post] = {}
        self._by_alias: dict[str, set[int]] = defaultdict(set)
        self._standard = False

    def _load(self) -> dict[int, Post]:
        if self._posts is None:
            self._posts = {post.pk: post for post in Post.objects.order_by()}
            self._by_key = {post.key: post for post in self._posts.values()}
            for post_id, key in PostAlias.objects.order_by().values_list("post_id", "key"):
                self._by_alias[key].add(post_id)
        return self._posts

    def ensure_standard(self) -> None:
        """Create the posts of `bodies.posts.STANDARD_POSTS` that are missing (once per directory)."""
        if self._standard:
            return
        self._load()
        for spec in STANDARD_POSTS:
            key = post_key(spec.title, spec.organisation)
            if key in self._by_key:
                continue
            post = self._create(
                spec.title, spec.organisation, key, single_holder=spec.single_holder
            )
            for alias in (spec.title, *spec.aliases):
                self.add_alias(post, alias)
        self._standard = True

    def _create(self, title: str, organisation: str, key: str, **fields: bool) -> Post:
        posts = self._load()
        post = Post.objects.create(title=title, organisation=organisation, key=key, **fields)
        posts[post.pk] = post
        self._by_key[key] = post
        return post

    def add_alias(self, post: Post, alias: str) -> None:
        self._load()
        key = role_key(alias)
        if key and post.pk not in self._by_alias[key]:
            PostAlias.objects.create(post=post, key=key, alias=alias.strip())
            self._by_alias[key].add(post.pk)

    def find(self, text: str, organisation: str = "") -> list[Post]:
        """The posts a role mention names ("the Chief Constable", "PCC CFO").

        Several posts share a bare title ("Chief Finance Officer"); the
        organisation, when given, narrows them.
        """
        key = role_key(text)
        if not key:
            return []
        posts = self._load()
        found: set[int] = set()
        for variant in _role_key_variants(key):
            found.update(self._by_alias.get(variant, ()))
        matches = [posts[pk] for pk in sorted(found)]
        if len(matches) > 1 and organisation:
            org = organisation_class(organisation)
            narrowed = [p for p in matches if organisation_class(p.organisation) == org]
            matches = narrowed or matches
        return matches

    def resolve(self, role: str, organisation: str = "", *, create: bool = True) -> Post | None:
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
        for post in self.find(title):
            post_org = organisation_class(post.organisation)
            if not org or not post_org or post_org == org:
                return post
        if not create:
            return None
        organisation = {"opcc": ORG_OPCC, "force": organisation or ORG_FORCE}.get(org, organisation)
        key = post_key(title, organisation)
        post = self._by_key.get(key)
        if post is None:
            post = self._create(title, organisation, key)
            self.add_alias(post, title)
            if organisation:
                self.add_alias(post, f"{title}, {organisation}")
        return post


def ensure_standard_posts() -> None:
    """Create the posts of `bodies.posts.STANDARD_POSTS` that are missing."""
    PostDirectory().ensure_standard()


def find_posts(text: str, organisation: str = "") -> list[Post]:
    """The posts a role mention names (see `PostDirectory.find`)."""
    return PostDirectory().find(text, organisation)


def resolve_post(role: str, organisation: str = "", *, create: bool = True) -> Post | None:
    """The post an attendance role names, created on first sight when `create`."""
    return PostDirectory().resolve(role, organisation, create=create)


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
