"""The public API is pinned: adding or removing a name is a reviewed change."""

import newsgraph


def test_public_names_are_pinned():
    assert sorted(newsgraph.__all__) == sorted([
        "Actor", "Article", "Attribution", "DateMention", "Entity", "Event", "InputError",
        "ModelError", "NewsgraphError", "Paragraph", "Place", "PipelineError", "Quote",
        "Settings", "Source", "StoreError", "__version__", "analyze", "analyze_many",
        "analyze_sources", "open_store",
    ])
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name)


def test_errors_share_one_root_and_numbered_messages():
    from newsgraph.errors import MESSAGES

    for cls in (newsgraph.InputError, newsgraph.ModelError, newsgraph.PipelineError, newsgraph.StoreError):
        assert issubclass(cls, newsgraph.NewsgraphError)
    err = newsgraph.ModelError.make("E201", name="x", package="y")
    assert err.code == "E201" and "pip install y" in str(err)
    assert all(code[0] == "E" and len(code) == 4 for code in MESSAGES)
