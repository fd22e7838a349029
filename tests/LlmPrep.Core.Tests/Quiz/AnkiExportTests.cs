using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Quiz;

public sealed class AnkiExportTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void Writes_one_escaped_tab_separated_line_per_card_with_anki_headers()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "hybrid", "Hybrid <search> & fusion", "Body.");
        var text = AnkiExport.Write(_corpus.Load().Notes);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["#separator:tab", "#html:true", "#tags column:3"], lines[..3]);
        Assert.Equal(5, lines.Length - 3);
        var fields = lines[3].Split('\t');
        Assert.Equal(3, fields.Length);
        Assert.Equal("Question 1 about Hybrid &lt;search&gt; &amp; fusion?", fields[0]);
        Assert.Contains("<li>First point 1.</li>", fields[1], StringComparison.Ordinal);
        Assert.Contains("llmprep://notes/03-rag-and-embeddings/hybrid", fields[1], StringComparison.Ordinal);
        Assert.Equal("llmprep 03-rag-and-embeddings hybrid priority::must level::intermediate", fields[2]);
    }

    public void Dispose() => _corpus.Dispose();
}
