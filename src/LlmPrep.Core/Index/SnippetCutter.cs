using System.Buffers;
using System.Text;

namespace LlmPrep.Core.Index;

/// <summary>
/// Cuts a search hit's snippet from its section's text for one MATCH expression, the way FTS5's
/// <c>snippet(table, column, char(2), char(3), '…', 24)</c> does over the index's columns: the same tokens, the same
/// phrase instances, the same choice of a 24-token window (most distinct phrases, sentence starts preferred) and the
/// same marks, so a snippet reads as if the index had kept the text.
/// </summary>
internal sealed class SnippetCutter
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';
    private const char Ellipsis = '…';
    private const int Window = 24;
    private const int BodyColumn = 4;

    private readonly List<MatchPhrase> _phrases;
    private readonly SearchValues<char> _firsts;
    private readonly RowBuffers _buffers = new();

    public SnippetCutter(string match)
        : this(MatchPhrase.Parse(match))
    {
    }

    /// <param name="phrases">The phrases of the MATCH expression (<see cref="MatchPhrase.Parse"/>).</param>
    public SnippetCutter(List<MatchPhrase> phrases)
    {
        _phrases = phrases;
        _firsts = SearchValues.Create(_phrases.SelectMany(p => p.Terms).Select(t => t[0]).Distinct().ToArray());
    }

    /// <summary>
    /// The body's text around the matched terms; the body's opening when the terms matched only the title, heading,
    /// aliases or tags (a sentence says more than a heading or an alias list); those columns only when the body is
    /// empty. Empty when no phrase occurs in the section at all.
    /// </summary>
    public string Cut(SectionColumns columns)
    {
        // The body is tokenized first: when a phrase occurs in it, its snippet is the answer and the other columns are not needed.
        var row = new Row(columns, _phrases, _firsts, _buffers);
        row.Tokenize(BodyColumn);
        if (row.Instances.Count > 0)
        {
            return row.Snippet(BodyColumn);
        }

        for (var column = 0; column < BodyColumn; column++)
        {
            row.Tokenize(column);
        }

        if (row.Instances.Count == 0)
        {
            return "";
        }

        var body = row.Snippet(BodyColumn);
        return body.AsSpan().Trim("… \n").Length > 0 ? body : row.Snippet(-1);
    }

    /// <summary>One phrase instance: which phrase, in which column, at which token.</summary>
    private readonly record struct Instance(int Phrase, int Column, int Offset);

    /// <summary>The lists a row fills, kept by the cutter and reused from one row to the next.</summary>
    private sealed class RowBuffers
    {
        public List<FtsToken>[] Tokens { get; } = [[], [], [], [], []];

        public List<Instance> Instances { get; } = [];

        public List<int> SentenceStarts { get; } = [];

        public StringBuilder Output { get; } = new();
    }

    /// <summary>
    /// One section's tokenized columns and the phrase instances in them, ordered by token and phrase within each column.
    /// Its lists are the cutter's <see cref="RowBuffers"/>, cleared when the row is made: one row is in use at a time.
    /// </summary>
    private sealed class Row
    {
        private readonly string[] _text;
        private readonly List<FtsToken>[] _tokens;
        private readonly List<MatchPhrase> _phrases;
        private readonly SearchValues<char> _firsts;
        private readonly RowBuffers _buffers;
        private readonly bool _skipUnstemmed;

        public Row(SectionColumns columns, List<MatchPhrase> phrases, SearchValues<char> firsts, RowBuffers buffers)
        {
            _phrases = phrases;
            _firsts = firsts;
            _buffers = buffers;
            _text = [columns.Title, columns.Heading, columns.Aliases, columns.Tags, columns.Body];
            _tokens = buffers.Tokens;
            foreach (var tokens in _tokens)
            {
                tokens.Clear();
            }

            Instances = buffers.Instances;
            Instances.Clear();

            // A token that was not stemmed (its term is empty: see FtsTokenizer) starts no phrase unless a phrase starts with an empty term.
            _skipUnstemmed = !phrases.Exists(p => p.Terms.Count > 0 && p.Terms[0].Length == 0);
        }

        /// <summary>Tokenizes one column and adds the phrase instances in it.</summary>
        public void Tokenize(int column)
        {
            var tokens = _tokens[column];
            FtsTokenizer.Tokenize(_text[column], tokens, _firsts);
            for (var offset = 0; offset < tokens.Count; offset++)
            {
                if (_skipUnstemmed && tokens[offset].Term.Length == 0)
                {
                    continue;
                }

                for (var phrase = 0; phrase < _phrases.Count; phrase++)
                {
                    if (!_phrases[phrase].IsExcluded && _phrases[phrase].MatchesAt(tokens, offset))
                    {
                        Instances.Add(new Instance(phrase, column, offset));
                    }
                }
            }
        }

        public List<Instance> Instances { get; }

        /// <summary>The snippet of one column, or of the best column when <paramref name="column"/> is -1.</summary>
        public string Snippet(int column)
        {
            var bestColumn = column >= 0 ? column : 0;
            int bestStart = 0, bestScore = 0, columnSize = 0;
            for (var c = 0; c < _text.Length; c++)
            {
                if (column >= 0 && column != c)
                {
                    continue;
                }

                List<int>? firsts = null;
                var size = _tokens[c].Count;
                foreach (var instance in Instances)
                {
                    if (instance.Column != c)
                    {
                        continue;
                    }

                    firsts ??= SentenceStarts(c);

                    var score = Score(c, size, instance.Offset, out var adjusted);
                    if (score > bestScore)
                    {
                        (bestScore, bestColumn, bestStart, columnSize) = (score, c, adjusted, size);
                    }

                    if (firsts.Count > 0 && size > Window)
                    {
                        var j = 0;
                        while (j < firsts.Count - 1 && firsts[j + 1] <= instance.Offset)
                        {
                            j++;
                        }

                        if (firsts[j] < instance.Offset)
                        {
                            score = Score(c, size, firsts[j], out _) + (firsts[j] == 0 ? 120 : 100);
                            if (score > bestScore)
                            {
                                (bestScore, bestColumn, bestStart, columnSize) = (score, c, firsts[j], size);
                            }
                        }
                    }
                }
            }

            if (columnSize == 0)
            {
                columnSize = _tokens[bestColumn].Count;
            }

            return Highlight(bestColumn, bestStart, columnSize);
        }

        /// <summary>1000 for each distinct phrase and 1 for each repeat among the instances in the window at <paramref name="start"/>; where a window centred on them would start.</summary>
        private int Score(int column, int size, int start, out int adjusted)
        {
            Span<bool> seen = _phrases.Count <= 64 ? stackalloc bool[_phrases.Count] : new bool[_phrases.Count];
            int score = 0, first = -1, last = 0;
            foreach (var instance in Instances)
            {
                if (instance.Column == column && instance.Offset >= start && instance.Offset < start + Window)
                {
                    score += seen[instance.Phrase] ? 1 : 1000;
                    seen[instance.Phrase] = true;
                    if (first < 0)
                    {
                        first = instance.Offset;
                    }

                    last = instance.Offset + _phrases[instance.Phrase].Terms.Count;
                }
            }

            var at = first - ((Window - (last - first)) / 2);
            if (at + Window > size)
            {
                at = size - Window;
            }

            adjusted = Math.Max(at, 0);
            return score;
        }

        /// <summary>The tokens that open a sentence: the first, and each after whitespace that follows a '.' or ':'.</summary>
        private List<int> SentenceStarts(int column)
        {
            var text = _text[column];
            var tokens = _tokens[column];
            var starts = _buffers.SentenceStarts;
            starts.Clear();
            for (var t = 0; t < tokens.Count; t++)
            {
                if (t == 0)
                {
                    starts.Add(0);
                    continue;
                }

                var i = tokens[t].Start - 1;
                while (i >= 0 && text[i] is ' ' or '\t' or '\n' or '\r')
                {
                    i--;
                }

                if (i != tokens[t].Start - 1 && i >= 0 && text[i] is '.' or ':')
                {
                    starts.Add(t);
                }
            }

            return starts;
        }

        /// <summary>The window of 24 tokens from <paramref name="start"/> with each run of overlapping instances marked, and an ellipsis where text was cut.</summary>
        private string Highlight(int column, int start, int columnSize)
        {
            var text = _text[column];
            var output = _buffers.Output.Clear();
            var rangeEnd = start + Window - 1;
            var iterator = new CoalescedInstances(Instances, _phrases, column);
            if (start > 0)
            {
                output.Append(Ellipsis);
            }

            while (iterator.Start >= 0 && iterator.Start < start)
            {
                iterator.Next();
            }

            int copied = 0;
            var open = false;
            var tokens = _tokens[column];
            for (var position = 0; position < tokens.Count; position++)
            {
                var (tokenStart, tokenEnd, _) = tokens[position];
                if (position < start || position > rangeEnd)
                {
                    continue;
                }

                if (start > 0 && position == start)
                {
                    copied = tokenStart;
                }

                if (open && (position <= iterator.Start || iterator.Start < 0) && tokenStart > copied)
                {
                    output.Append(Close);
                    open = false;
                }

                if (position == iterator.Start && !open)
                {
                    output.Append(text, copied, tokenStart - copied).Append(Open);
                    copied = tokenStart;
                    open = true;
                }

                if (position == iterator.End)
                {
                    if (!open)
                    {
                        output.Append(Open);
                        open = true;
                    }

                    output.Append(text, copied, tokenEnd - copied);
                    copied = tokenEnd;
                    iterator.Next();
                }

                if (position == rangeEnd)
                {
                    if (open)
                    {
                        if (iterator.Start >= 0 && position >= iterator.Start)
                        {
                            output.Append(text, copied, tokenEnd - copied);
                            copied = tokenEnd;
                        }

                        output.Append(Close);
                        open = false;
                    }

                    output.Append(text, copied, tokenEnd - copied);
                    copied = tokenEnd;
                }
            }

            if (open)
            {
                output.Append(Close);
            }

            if (rangeEnd >= columnSize - 1)
            {
                output.Append(text, copied, text.Length - copied);
            }
            else
            {
                output.Append(Ellipsis);
            }

            return output.ToString();
        }
    }

    /// <summary>The instances of one column, overlapping ones merged into one run from <see cref="Start"/> to <see cref="End"/> (-1 when done).</summary>
    private sealed class CoalescedInstances
    {
        private readonly List<Instance> _instances;
        private readonly List<MatchPhrase> _phrases;
        private readonly int _column;
        private int _next;

        public CoalescedInstances(List<Instance> instances, List<MatchPhrase> phrases, int column)
        {
            (_instances, _phrases, _column) = (instances, phrases, column);
            Next();
        }

        public int Start { get; private set; }

        public int End { get; private set; }

        public void Next()
        {
            Start = -1;
            End = -1;
            for (; _next < _instances.Count; _next++)
            {
                var instance = _instances[_next];
                if (instance.Column != _column)
                {
                    continue;
                }

                var end = instance.Offset - 1 + _phrases[instance.Phrase].Terms.Count;
                if (Start < 0)
                {
                    (Start, End) = (instance.Offset, end);
                }
                else if (instance.Offset <= End)
                {
                    End = Math.Max(End, end);
                }
                else
                {
                    break;
                }
            }
        }
    }
}
