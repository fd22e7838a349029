using System.Text;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Writes one file's parse (the note's fields, where each section's text lies in the body, cards, links and problems)
/// as compact bytes for the parse cache, and reads it back. The body text itself is not stored: it is read from the
/// file when asked for. Bytes of another format version read as null, so the file is parsed again.
/// </summary>
internal static class ParsedFileCodec
{
    private const byte Version = 3;

    public static byte[] Encode(ParsedFile parsed)
    {
        using var stream = new MemoryStream(512);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            var note = parsed.File.Note;
            writer.Write(note is not null);
            if (note is not null)
            {
                WriteNote(writer, note);
            }

            writer.Write7BitEncodedInt(parsed.Problems.Count);
            foreach (var problem in parsed.Problems)
            {
                writer.Write(problem.File);
                writer.Write7BitEncodedInt(problem.Line);
                writer.Write((byte)problem.Severity);
                writer.Write(problem.Message);
            }
        }

        return stream.ToArray();
    }

    /// <param name="data">Bytes written by <see cref="Encode"/>, which may lie in a larger buffer.</param>
    /// <param name="stamp">The file as the index knows it (its note is replaced by the decoded one).</param>
    /// <param name="file">Where the note's body can be read from.</param>
    /// <param name="pool">Shares the strings many notes repeat (section folders, tags, link targets) across the notes it decodes.</param>
    public static ParsedFile? Decode(ArraySegment<byte> data, NoteFile stamp, BodyFile file, StringPool? pool = null)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data.Array!, data.Offset, data.Count, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return null;
            }

            var note = reader.ReadBoolean() ? ReadNote(reader, data, file, stamp.Hash, pool ?? new StringPool()) : null;
            var count = reader.Read7BitEncodedInt();
            var problems = count == 0 ? [] : new CorpusProblem[count];
            for (var i = 0; i < problems.Length; i++)
            {
                problems[i] = new CorpusProblem(reader.ReadString(), reader.Read7BitEncodedInt(), (ProblemSeverity)reader.ReadByte(), reader.ReadString());
            }

            return new ParsedFile(stamp with { Note = note }, problems);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteNote(BinaryWriter writer, Note note)
    {
        writer.Write(note.Id);
        writer.Write(note.Title);
        writer.Write(note.Section);
        writer.Write((byte)note.Level);
        writer.Write((byte)note.Priority);
        writer.Write7BitEncodedInt(note.Minutes);
        WriteList(writer, note.Tags);
        WriteList(writer, note.Aliases);
        writer.Write(note.Summary);
        writer.Write7BitEncodedInt(note.DefinedAcronyms.Count);
        foreach (var definition in note.DefinedAcronyms)
        {
            writer.Write(definition.Acronym);
            writer.Write(definition.Phrase);
        }

        writer.Write(note.Path);
        writer.Write7BitEncodedInt(note.Words);
        writer.Write(note.HasFrontMatter);
        writer.Write7BitEncodedInt(note.BodySource?.StartLine ?? 0);

        writer.Write7BitEncodedInt(note.Sections.Count);
        foreach (var section in note.Sections)
        {
            // An anchor that is its heading's slug is not stored, nor held once read (it is worked out when asked for).
            writer.Write(!section.AnchorIsSlug);
            if (!section.AnchorIsSlug)
            {
                writer.Write(section.Anchor);
            }

            writer.Write(section.Heading);
            writer.Write7BitEncodedInt(section.Depth);
            writer.Write7BitEncodedInt(section.Line);
            WriteRange(writer, section.MarkdownRange);
            writer.Write(section.LeadRange is not null);
            if (section.LeadRange is { } lead)
            {
                WriteRange(writer, lead);
            }

            WriteRange(writer, section.OwnRange);
        }

        writer.Write7BitEncodedInt(note.Cards.Count);
        foreach (var card in note.Cards)
        {
            writer.Write(card.Id);
            writer.Write(card.NoteId);
            writer.Write(card.Question);
            writer.Write(card.Answer);
            writer.Write(card.KeyPointsFromAnswer);
            if (!card.KeyPointsFromAnswer)
            {
                WriteList(writer, card.KeyPoints);
            }

            writer.Write7BitEncodedInt(card.Line);
        }

        writer.Write7BitEncodedInt(note.Links.Count);
        foreach (var link in note.Links)
        {
            writer.Write(link.Target);
            writer.Write(link.Heading is not null);
            if (link.Heading is not null)
            {
                writer.Write(link.Heading);
            }

            writer.Write7BitEncodedInt(link.Line);
        }
    }

    private static Note ReadNote(BinaryReader reader, ArraySegment<byte> stored, BodyFile file, string hash, StringPool pool)
    {
        var id = reader.ReadString();
        var title = reader.ReadString();
        var section = pool.Share(reader.ReadString());
        var level = (NoteLevel)reader.ReadByte();
        var priority = (NotePriority)reader.ReadByte();
        var minutes = reader.Read7BitEncodedInt();
        var tags = pool.Share(ReadList(reader));
        var aliases = ReadList(reader);
        var summary = reader.ReadString();
        var definedAcronyms = ReadDefinitions(reader);
        var path = reader.ReadString();
        var words = reader.Read7BitEncodedInt();
        var hasFrontMatter = reader.ReadBoolean();
        var body = new NoteBody(null, file, reader.Read7BitEncodedInt(), hash);

        // The sections go straight into their compact table (no section object is made while loading).
        var sectionCount = reader.Read7BitEncodedInt();
        var builder = sectionCount == 0 ? null : new SectionTableBuilder(sectionCount);
        for (var i = 0; i < sectionCount; i++)
        {
            var anchor = reader.ReadBoolean() ? reader.ReadString() : null;
            var heading = reader.ReadString();
            heading = heading == title ? title : heading;
            var depth = reader.Read7BitEncodedInt();
            var line = reader.Read7BitEncodedInt();
            var markdown = ReadRange(reader);
            TextRange? lead = reader.ReadBoolean() ? ReadRange(reader) : null;
            builder!.Add(anchor, heading, depth, line, markdown, lead, ReadRange(reader));
        }

        IReadOnlyList<NoteSection> sections = builder is null ? [] : builder.Build(body);

        var cardCount = reader.Read7BitEncodedInt();
        var cards = cardCount == 0 ? [] : new QuizCard[cardCount];
        for (var i = 0; i < cards.Length; i++)
        {
            cards[i] = ReadCard(reader, stored, id);
        }

        var linkCount = reader.Read7BitEncodedInt();
        var links = linkCount == 0 ? [] : new NoteLink[linkCount];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = new NoteLink(pool.Share(reader.ReadString()), reader.ReadBoolean() ? reader.ReadString() : null, reader.Read7BitEncodedInt());
        }

        return new Note
        {
            Id = id,
            Title = title,
            Section = section,
            Level = level,
            Priority = priority,
            Minutes = minutes,
            Tags = tags,
            Aliases = aliases,
            Summary = summary,
            DefinedAcronyms = definedAcronyms,
            Path = path,
            BodySource = body,
            Sections = sections,
            Cards = cards,
            Links = links,
            Words = words,
            HasFrontMatter = hasFrontMatter,
        };
    }

    /// <summary>
    /// A card's question, answer and key points go from the stored bytes into the card's packed UTF-8 form without
    /// being made strings on the way (a large vault has more cards than notes, and each text would be garbage at once).
    /// </summary>
    /// <param name="stored">The bytes <paramref name="reader"/> reads, where the card's texts are found.</param>
    private static QuizCard ReadCard(BinaryReader reader, ArraySegment<byte> stored, string id)
    {
        var (cardId, noteId) = (reader.ReadString(), reader.ReadString());
        noteId = noteId == id ? id : noteId;
        Span<TextRange> texts = stackalloc TextRange[2];
        texts[0] = ReadUtf8(reader, stored);
        texts[1] = ReadUtf8(reader, stored);
        var fromAnswer = reader.ReadBoolean();
        var pointCount = fromAnswer ? 0 : reader.Read7BitEncodedInt();
        if (pointCount > 0)
        {
            var all = new TextRange[2 + pointCount];
            texts.CopyTo(all);
            for (var i = 2; i < all.Length; i++)
            {
                all[i] = ReadUtf8(reader, stored);
            }

            texts = all;
        }

        return QuizCard.FromStored(cardId, noteId, stored, texts, fromAnswer, reader.Read7BitEncodedInt());
    }

    /// <summary>Where the next stored string's UTF-8 bytes lie in <paramref name="stored"/>, stepping over them.</summary>
    private static TextRange ReadUtf8(BinaryReader reader, ArraySegment<byte> stored)
    {
        var length = reader.Read7BitEncodedInt();
        var stream = reader.BaseStream;
        if (length < 0 || stream.Position + length > stream.Length)
        {
            throw new EndOfStreamException();
        }

        var range = new TextRange(stored.Offset + (int)stream.Position, length);
        stream.Position += length;
        return range;
    }

    private static AcronymDefinition[] ReadDefinitions(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        var definitions = new AcronymDefinition[count];
        for (var i = 0; i < definitions.Length; i++)
        {
            definitions[i] = new AcronymDefinition(reader.ReadString(), reader.ReadString());
        }

        return definitions;
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        var values = new string[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static void WriteRange(BinaryWriter writer, TextRange range)
    {
        writer.Write7BitEncodedInt(range.Start);
        writer.Write7BitEncodedInt(range.Length);
    }

    private static TextRange ReadRange(BinaryReader reader) => new(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
}
