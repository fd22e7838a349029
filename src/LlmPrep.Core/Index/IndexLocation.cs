namespace LlmPrep.Core.Index;

/// <summary>Says in plain words why the index file cannot live where it was asked to.</summary>
public static class IndexLocation
{
    /// <param name="indexPath">The index file that could not be opened or written.</param>
    /// <param name="error">What opening or writing it threw.</param>
    public static string Explain(string indexPath, Exception error)
    {
        var full = Path.GetFullPath(indexPath);
        if (Directory.Exists(full))
        {
            return $"'{full}' is a folder, not a file";
        }

        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return $"'{folder}' is a file, not a folder";
            }

            if (Directory.Exists(folder))
            {
                return IsWritable(folder) ? $"'{full}' cannot be written ({error.Message})" : $"the folder '{folder}' is not writable";
            }
        }

        return $"'{full}' cannot be written ({error.Message})";
    }

    private static bool IsWritable(string folder)
    {
        try
        {
            using var probe = new FileStream(
                Path.Combine(folder, $".llmprep-write-check-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
