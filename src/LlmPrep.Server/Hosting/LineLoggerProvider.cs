using System.Collections.Concurrent;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Search;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Log lines on stderr, one per entry ("warn: Category[id] message"). An expected error (bad input a prompt or
/// tool refused with a clear message) is one warning line with that message and no trace; cancellation is not
/// an error at all. Anything else keeps its exception for whoever runs the server.
/// </summary>
internal sealed class LineLoggerProvider(TextWriter? output = null) : ILoggerProvider
{
    private readonly TextWriter _output = output ?? Console.Error;
    private readonly ConcurrentDictionary<string, Logger> _loggers = new();

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new Logger(name, _output));

    public void Dispose()
    {
    }

    public static bool IsExpected(Exception? exception) =>
        exception is McpException or QuizException or SearchException or ProgressStoreException or OperationCanceledException;

    private sealed class Logger(string category, TextWriter output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || exception is OperationCanceledException)
            {
                return;
            }

            var message = formatter(state, exception);
            if (IsExpected(exception))
            {
                // The SDK reports a refused request twice (the handler, then the request); the warning is enough.
                if (logLevel >= LogLevel.Error)
                {
                    return;
                }

                logLevel = LogLevel.Warning;
                message = $"{message} {exception!.Message}";
            }
            else if (exception is not null)
            {
                message = $"{message} {exception}";
            }

            var line = $"{Label(logLevel)}: {category}[{eventId.Id}] {OneLine(message)}";
            lock (output)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }

        private static string Label(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };

        private static string OneLine(string text) => text.ReplaceLineEndings(" ");
    }
}
