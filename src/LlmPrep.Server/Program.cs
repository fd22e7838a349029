using System.CommandLine;
using LlmPrep.Server.Cli;

try
{
    return await CliApp.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    // A person reads this: the message, never a stack trace.
    Console.Error.WriteLine(CliErrors.Describe(ex));
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}
