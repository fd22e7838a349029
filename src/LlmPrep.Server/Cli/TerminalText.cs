using System.Text;

namespace LlmPrep.Server.Cli;

/// <summary>Text wrapped to the terminal's width (the <c>COLUMNS</c> variable, else the console's, else 80).</summary>
internal static class TerminalText
{
    public static int Width
    {
        get
        {
            if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 20)
            {
                return columns;
            }

            try
            {
                return Console.IsOutputRedirected || Console.WindowWidth < 20 ? 80 : Console.WindowWidth;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    /// <summary>Wraps each paragraph at word boundaries; lines after the first start with <paramref name="indent"/>.</summary>
    public static string Wrap(string text, string firstPrefix = "", string indent = "", int? width = null)
    {
        var max = Math.Max(20, (width ?? Width) - 1);
        var output = new StringBuilder();
        var line = new StringBuilder(firstPrefix);
        var lineHasWord = false;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > max)
            {
                output.AppendLine(line.ToString());
                line.Clear().Append(indent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        output.Append(line);
        return output.ToString();
    }
}
