"""StageLists (the board's per-stage lists, updated card by card) and the undo history."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegate_tui.board.boardfile import CARDS, new_state, serialize
from delegate_tui.board.stage_lists import StageLists, place_of, record_matches
from delegate_tui.board.store import BoardStore
from delegate_tui.board.undo import UndoHistory
from delegate_tui.core.board_order import board_order
from delegate_tui.core.records import CARD_FIELDS, Identity, card_from_record
from delegate_tui.core.stored_shape import Card, locate
from delegate_tui.core.vocabulary import STAGES, area_label
from tests.core.test_merge_properties import sides
from tests.kit.basics import FrozenClock

ops = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "move", "reorder", "archive", "rename", "hours", "delete", "place"]
        ),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(STAGES),
        st.sampled_from([-1, 1]),
    ),
    max_size=25,
)


def fresh(store: BoardStore) -> dict[str, list[str]]:
    lists = StageLists(store)
    lists.load()
    return lists.by_stage


def from_models(store: BoardStore) -> dict[str, list[str]]:
    """The board as the card models order it (what the lists read from the raw records)."""
    found: dict[str, list[str]] = {s: [] for s in STAGES}
    for card in store.cards():
        found[card.stage].append(card.id)
    return found


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=ops)
def test_card_by_card_updates_match_a_full_read(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("lists") / "board.json"
    store = BoardStore(path, Identity("a", "d"), clock=FrozenClock())
    for n in range(4):
        store.add(f"Card {n}", STAGES[n % 3])
    lists = StageLists(store)
    lists.load()
    for op, pick, stage, step in steps:
        cards = store.cards()
        card = cards[pick % len(cards)] if cards else None
        changed: list[str] = []
        if op == "add" or card is None:
            changed = [store.add(f"New {pick}", stage, hours_per_week=pick / 10).id]
        elif op == "move":
            store.move(card.id, stage)
            changed = [card.id]
        elif op == "reorder":
            column = [c for c in cards if c.stage == card.stage]
            index = column.index(card)
            if 0 <= index + step < len(column):
                store.reorder(card.id, step)
                changed = [card.id, column[index + step].id]
        elif op == "archive":
            store.archive(card.id)
            changed = [card.id]
        elif op == "hours":
            store.edit(card.id, hours_per_week=pick / 4)
            changed = [card.id]
        elif op == "rename":
            store.edit(card.id, title=f"Renamed {pick}")
            changed = [card.id]
        elif op == "place":  # a hand-set position, often one another card has: a tie
            store.edit(card.id, position=float(pick % 3))
            changed = [card.id]
        else:
            store.delete(card.id)
            changed = [card.id]
        touched = lists.update(changed)
        live = {c.id: c for c in store.cards()}
        assert {live[i].stage for i in changed if i in live} <= touched
        assert lists.by_stage == fresh(store) == from_models(store)
        for stage in STAGES:
            assert lists.hours(stage) == sum(
                c.hours_per_week for c in live.values() if c.stage == stage
            )
        assert all(lists.stage_of(i) == c.stage for i, c in live.items())


scalars = st.fixed_dictionaries(
    {},
    optional={
        "stage": st.sampled_from(STAGES),
        "position": st.one_of(st.none(), st.integers(-5, 5), st.floats(-5, 5, allow_nan=False)),
        "hours_per_week": st.one_of(st.none(), st.integers(0, 40), st.floats(0, 40)),
        "archived_at": st.sampled_from([None, "", "2024-01-02T03:04:05.000000Z"]),
        "deleted_at": st.sampled_from([None, "", "2024-01-02T03:04:05.000000Z"]),
        "created_at": st.sampled_from(
            ["2024-01-01T00:00:00.000000Z", "2024-02-01T00:00:00.000000Z", None, 5]
        ),
        "title": st.text(max_size=5),
        # The creation is the `*` stamp's when created_at is left out: valid stars, and odd ones.
        "_stamps": st.one_of(
            st.builds(
                lambda at: {"*": [at, "ann", "dev-a"]},
                st.sampled_from(["2024-01-01T00:00:00.000000Z", "2024-03-01T00:00:00.000000Z"]),
            ),
            st.sampled_from([{}, {"*": ["2024-03-01T00:00:00.000000Z"]}, {"*": "odd"}]),
        ),
    },
)


@given(record=scalars)
def test_a_record_with_default_fields_left_out_is_placed_as_its_model(record):
    """The lists read raw records, which may omit a field that holds its default."""
    place = place_of("c1", record)
    card = card_from_record("c1", record)
    if record.get("deleted_at") or card.archived_at:
        assert place is None
        return
    assert place is not None
    assert place == (
        card.stage,
        board_order(card),
        card.hours_per_week,
    )
    assert place_of("c1", {}) == (CARD_FIELDS["stage"], (0.0, "", "c1"), 0.0)


stored_scalars = scalars.filter(lambda record: not list(locate(record, Card)))
"""The records a board file may hold (odd ones, like a created_at of 5, refuse the file)."""


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=st.lists(stored_scalars, min_size=2, max_size=5))
def test_the_lists_read_stored_cards_as_their_models(tmp_path_factory, records):
    """`load` reads the records inline (creation from created_at or the `*` stamp): the lists
    are the models' board order, whatever the records leave out. The same cards in one column
    at one position are then in the order of their creation alone (or of their `*` stamps)."""
    one_column = [{k: v for k, v in r.items() if k not in ("stage", "position")} for r in records]
    by_stamps = [{k: v for k, v in r.items() if k != "created_at"} for r in one_column]
    for cards in (records, one_column, by_stamps):
        path = tmp_path_factory.mktemp("lists") / "board.json"
        state = new_state("board")
        state[CARDS] = {f"c{n}": record for n, record in enumerate(cards)}
        path.write_text(serialize(state))
        store = BoardStore(path, Identity("a", "d"), clock=FrozenClock())
        lists = StageLists(store)
        lists.load()
        models = from_models(store)
        assert {s: ids for s, ids in lists.by_stage.items() if ids} == {
            s: ids for s, ids in models.items() if ids
        }
        for card_id, record in state[CARDS].items():
            assert lists.stage_of(card_id) == (place_of(card_id, record) or [None])[0]


def test_undo_and_redo_of_a_move_and_of_a_new_card(store: BoardStore):
    card = store.add("Invoicing")
    history = UndoHistory(store)
    history.change("move", [card.id], lambda: store.move(card.id, "delegating"))
    assert store.card(card.id).stage == "delegating"
    assert history.undo() is not None
    assert store.card(card.id).stage == "only-me"
    assert history.redo() is not None
    assert store.card(card.id).stage == "delegating"
    new = store.add("Quotes")
    history.added("new card", new.id)
    assert not history.can_redo
    history.undo()
    assert [c.title for c in store.cards()] == ["Invoicing"]
    history.redo()
    assert sorted(c.title for c in store.cards()) == ["Invoicing", "Quotes"]
    assert history.undo() is not None  # the new card again
    assert history.undo() is not None  # the move
    assert history.undo() is None
    assert store.card(card.id).stage == "only-me"


def test_undo_history_is_bounded(store: BoardStore):
    card = store.add("Invoicing")
    history = UndoHistory(store, limit=3)
    for n in range(5):
        history.change("rename", [card.id], lambda n=n: store.edit(card.id, title=f"T{n}"))
    assert [history.undo() is not None for _ in range(4)] == [True, True, True, False]
    assert store.card(card.id).title == "T1"


@given(sides(1))
def test_the_filter_reads_records_as_it_would_read_the_models(boards) -> None:
    """record_matches decides the filter without models: it must agree with the model's text,
    for every stored text (deleted notes' too) and a few pieces of them."""
    for card_id, record in boards[0][CARDS].items():
        card = card_from_record(card_id, record)
        texts = [card.title, card.owner, *(note.text for note in card.notes)]
        texts += [card.area, area_label(card.area)] if card.area else []  # the filter's areas
        stored = [str(n.get("text", "")) for n in record.get("notes", {}).values()]
        for text in [*texts, *stored, "zzz", "ann", "note 1", "-2"]:
            query = text.lower()
            assert record_matches(record, query) == any(query in t.lower() for t in texts)


def test_the_filter_matches_areas_in_both_languages(tmp_path, french) -> None:
    store = BoardStore(tmp_path / "board.json", Identity("a", "d"), clock=FrozenClock())
    card = store.add("Payroll", area="hr-legal")
    record = store.raw_cards()[card.id]
    assert record_matches(record, "hr-legal") and record_matches(record, "juridique")
    assert not record_matches(record, "finance")


def test_the_filter_skips_deleted_notes(tmp_path) -> None:
    store = BoardStore(tmp_path / "board.json", Identity("a", "d"), clock=FrozenClock())
    card = store.add("Payroll", owner="Sophie")
    store.add_item(card.id, "notes", text="Call the bank first")
    old = store.add_item(card.id, "notes", text="Old supplier portal")
    store.delete_item(card.id, "notes", old)
    record = store.raw_cards()[card.id]
    assert [q for q in ("payroll", "sophie", "bank", "supplier") if record_matches(record, q)] == [
        "payroll",
        "sophie",
        "bank",
    ]
