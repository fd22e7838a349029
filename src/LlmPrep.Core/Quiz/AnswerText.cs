using System.Text.RegularExpressions;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// An answer cut into sentences and clauses ("X does this, while Y does that" is two clauses), each with its terms
/// and which of them a negation reaches. Key points are looked for within a sentence or two, and who a statement is
/// about is read from its clause, so words scattered over an answer or said of another concept do not add up.
/// </summary>
public sealed partial class AnswerText
{
    private AnswerText(List<Clause> clauses, int sentences)
    {
        Clauses = clauses;
        Sentences = sentences;
    }

    public IReadOnlyList<Clause> Clauses { get; }

    public int Sentences { get; }

    /// <summary>How many content terms the whole answer has.</summary>
    public int TermCount => Clauses.Sum(c => c.Terms.Count);

    public static AnswerText Parse(string text, AliasMap aliases)
    {
        var clauses = new List<Clause>();
        var sentence = 0;
        foreach (var s in SentenceBreak().Split(text))
        {
            var any = false;
            foreach (var part in ClauseBreak().Split(s))
            {
                var words = TextTerms.Words(part).ToList();
                if (words.Count == 0)
                {
                    continue;
                }

                var scope = Negation.Scope(words);
                var terms = aliases.Terms(part);
                clauses.Add(new Clause(sentence, words, terms, [.. terms.Select(t => scope[t.Position])]));
                any = true;
            }

            if (any)
            {
                sentence++;
            }
        }

        return new AnswerText(clauses, sentence);
    }

    /// <summary>The clauses of sentences <paramref name="first"/> to <paramref name="last"/>.</summary>
    public IEnumerable<Clause> Window(int first, int last) => Clauses.Where(c => c.Sentence >= first && c.Sentence <= last);

    [GeneratedRegex(@"(?<=[.!?;])\s+|\n+|(?<=[a-z])\.(?=[A-Z])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?:,\s*|\s+)(?:while|whereas|whilst)\s+|,\s+(?:and|but|so|yet)\s+|\s+-\s+|\s+—\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}

/// <summary>A clause of an answer: its words, its terms and, for each term, whether a negation reaches it.</summary>
public sealed record Clause(int Sentence, IReadOnlyList<string> Words, IReadOnlyList<Term> Terms, IReadOnlyList<Negated> Negated)
{
    /// <summary>Every key of every term of the clause.</summary>
    public HashSet<string> Keys { get; } = Terms.SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);
}
