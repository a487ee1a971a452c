"""Reading posts records (domain/post_rows.py): ids from URLs, times, instaloader's JSON."""

from datetime import UTC, datetime

import pytest

from discovery.domain.post_rows import (
    INSTALOADER_MAPPING,
    PostRowParser,
    from_instaloader,
    is_instaloader,
    map_post_columns,
    post_id_from_url,
)
from discovery.domain.posts import MediaType
from discovery.domain.profiles import Platform
from discovery.domain.row_values import RowError


@pytest.mark.parametrize(
    ("url", "post_id", "platform"),
    [
        ("https://www.instagram.com/p/CxYz_12-a/?igsh=abc", "CxYz_12-a", Platform.INSTAGRAM),
        ("instagram.com/reel/Reel9/", "Reel9", Platform.INSTAGRAM),
        ("https://www.tiktok.com/@lena/video/7301234567890", "7301234567890", Platform.TIKTOK),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3", "dQw4w9WgXcQ", Platform.YOUTUBE),
        ("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ", Platform.YOUTUBE),
        ("https://x.com/lena/status/1790000000000", "1790000000000", Platform.X),
        ("https://Blog.example.test/2026/my-post/?utm=x", "blog.example.test/2026/my-post", None),
        # Odd shapes, each read as urlsplit reads it (the fast path for plain web URLs agrees).
        ("https://example.test/instagram/user1/17", "example.test/instagram/user1/17", None),
        ("HTTPS://Example.Test/A/B/?x=1#frag", "example.test/a/b", None),
        ("http://a.test", "a.test", None),
        ("a.test/x/", "a.test/x", None),
        ("example.test/path//more", "example.test/path//more", None),
        ("//host.test/p", "host.test/p", None),
        ("[x]", "[x]", None),
        ("http://[::1]/p", "[::1]/p", None),
        ("http://[::1/p", "http://[::1/p", None),
        ("https://fox.com/a/status/12", "12", Platform.X),
        ("https://fox.com/a/b/status/12", "fox.com/a/b/status/12", None),
        ("mailto:lena@example.test", "mailto:lena@example.test", None),
        ("https://m.youtube.com/watch?feature=x&v=abc", "abc", Platform.YOUTUBE),
        ("https://notyoutube.com/watch?v=a", "a", Platform.YOUTUBE),
        ("https://youtube.com/watch?v=", "youtube.com/watch", None),
        ("https://YOUTUBE.COM/watch?v=zz", "youtube.com/watch", None),
        ("https://a.test/x\ty", "a.test/xy", None),
        ("https://a.test/x y", "a.test/x y", None),
        ("https://user:pw@a.test:8080/p;q", "user:pw@a.test:8080/p;q", None),
        ("ftp://a.test/p", "a.test/p", None),
        ("https://\u00e4.test/p", "\u00e4.test/p", None),
        ("https:a.test/p", "https:a.test/p", None),
        ("http:/a.test/p", "http:/a.test/p", None),
        ("https://a.test/p?q=1/2#f/g", "a.test/p", None),
        ("https://a.test/%7Euser/", "a.test/%7euser", None),
        ("https://a.test#x", "a.test", None),
        ("https://a.test?x", "a.test", None),
        ("https://instagram.com/lena/p/Abc_1", "Abc_1", Platform.INSTAGRAM),
        ("https://www.instagram.com/stories/lena/1", "www.instagram.com/stories/lena/1", None),
        ("https://twitter.com/lena/status/17?s=20", "17", Platform.X),
        ("https://tiktok.com/@lena/photo/1", "tiktok.com/@lena/photo/1", None),
        ("https://a.test/\x01x", "a.test/\x01x", None),
        ("https://a.test////", "a.test", None),
        ("https://a.test/x\\y", "a.test/x\\y", None),
        (" https://a.test/x", "a.test/x", None),
    ],
)
def test_a_post_url_gives_the_platforms_id(url: str, post_id: str, platform: Platform | None) -> None:
    assert post_id_from_url(url) == (post_id, platform)


def _parse(**values: object) -> object:
    row = {"handle": "@Lena", "platform": "instagram", "post_id": "P1", "time": "2026-11-01T10:00:00Z", **values}
    parser = PostRowParser(map_post_columns(list(row), {}), platform=None)
    return parser.parse(row)


@pytest.mark.parametrize(
    "written",
    ["2026-11-01T10:00:00Z", "2026-11-01T11:00:00+01:00", 1_793_527_200, "1793527200", 1_793_527_200_000],
)
def test_times_as_exports_write_them(written: object) -> None:
    post, _ = _parse(time=written)  # type: ignore[misc]
    assert post.posted_at == datetime(2026, 11, 1, 10, tzinfo=UTC)
    assert post.handle == "lena"


@pytest.mark.parametrize(("values", "field"), [({"time": "soon"}, "posted_at"), ({"time": ""}, "posted_at"),
    ({"time": "3026-01-01"}, "posted_at"), ({"post_id": ""}, "post_id"), ({"handle": "#REF!"}, "handle"),
    ({"platform": "myspace"}, "platform"), ({"likes": str(2**64)}, "likes")])  # fmt: skip
def test_a_record_that_cannot_be_a_post_names_its_field(values: dict[str, object], field: str) -> None:
    with pytest.raises(RowError) as raised:
        _parse(**values)
    assert raised.value.field == field


def test_an_unreadable_optional_figure_is_a_warning() -> None:
    post, warned = _parse(likes="lots", type="hologram", paid="maybe")  # type: ignore[misc]
    assert (post.likes, post.media_type, post.paid_partnership) == (None, None, None)
    assert [w[1] for w in warned] == ["likes", "media_type", "paid_partnership"]


def test_instaloaders_post_json_reads_as_a_post() -> None:
    saved = {
        "node": {
            "__typename": "GraphVideo",
            "shortcode": "Cabc",
            "owner": {"username": "Lena.Fit"},
            "taken_at_timestamp": 1_761_991_200,
            "edge_media_to_caption": {"edges": [{"node": {"text": "Run with @Nike #ad"}}]},
            "edge_media_preview_like": {"count": 1200},
            "edge_media_to_comment": {"count": 33},
            "is_video": True,
            "video_view_count": 45000,
            "edge_media_to_sponsor_user": {"edges": [{"node": {"sponsor": {"username": "nike"}}}]},
        }
    }
    assert is_instaloader(saved)
    assert not is_instaloader({"handle": "x", "shortcode": "y"})
    post, warned = PostRowParser(INSTALOADER_MAPPING, platform=None).parse(from_instaloader(saved))
    assert warned == []
    assert (post.platform, post.handle, post.post_id, post.media_type) == (
        Platform.INSTAGRAM, "lena.fit", "Cabc", MediaType.VIDEO,
    )  # fmt: skip
    assert (post.likes, post.comments, post.views) == (1200, 33, 45000)
    assert (post.sponsor_tags, post.mentions) == (("nike",), ("nike",))


def test_json_of_another_shape_is_a_rejected_record_never_a_failed_job() -> None:
    odd = {"node": {"shortcode": "c", "owner": "lena", "edge_media_to_caption": [], "edge_media_preview_like": 5}}
    with pytest.raises(RowError) as raised:
        PostRowParser(INSTALOADER_MAPPING, platform=None).parse(from_instaloader(odd))
    assert raised.value.field == "handle"
    post, _ = _parse(post_id="[not a url]/x", sponsors=["ok", "bad\x00"])  # type: ignore[misc]
    assert (post.post_id, post.sponsor_tags) == ("[not a url]/x", ("ok",))
