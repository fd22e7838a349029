namespace LlmPrep.Core.Progress;

/// <summary>
/// Where every user's study history lives: an SQLite file for one person, a server database for a shared
/// deployment. Each user sees only their own history through <see cref="ForUser"/>.
/// </summary>
public interface IProgressDatabase : IDisposable
{
    /// <summary>Where the data is, for messages (a file path, or a server and database name).</summary>
    string Location { get; }

    /// <summary>The history of one user; the view shares the database and must not outlive it.</summary>
    IProgressStore ForUser(string userId);
}
