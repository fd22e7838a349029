namespace LlmPrep.Server.Hosting;

/// <summary>Whose study progress the current request reads and writes.</summary>
public interface IProgressUser
{
    string UserId { get; }
}
