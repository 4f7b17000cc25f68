using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Commands;

/// <summary>
/// Exit codes shared by the analysis commands: 0 done, 2 bad input (the message names the file),
/// 1 the output could not be written. Errors are one line on stderr, never a stack trace.
/// </summary>
public static class CommandErrors
{
    public static int Guard(Action work)
    {
        try
        {
            work();
            return 0;
        }
        catch (ResultFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the output: {e.Message}");
            return 1;
        }
    }
}
