using System.Collections;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// The notes in study order, read through the order's positions: a quiz over the whole corpus walks it as it is,
/// without sorting (and so copying) every note for each card it picks.
/// </summary>
internal sealed class StudyOrderList(IReadOnlyList<Note> notes, int[] inOrder) : IReadOnlyList<Note>
{
    public Note this[int index] => notes[inOrder[index]];

    public int Count => inOrder.Length;

    public IEnumerator<Note> GetEnumerator()
    {
        for (var place = 0; place < inOrder.Length; place++)
        {
            yield return notes[inOrder[place]];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
