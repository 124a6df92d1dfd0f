using GatewayQkd.Cli.Commands;

// Registers the commands and runs the one the user named; each command lives in its own folder under Commands/.
// CliErrors turns file, port and network failures into one line and exit code 1 (`--verbose` shows the trace).
return await CliErrors.InvokeAsync(GatewayQkdRootCommand.Create().Parse(args));
