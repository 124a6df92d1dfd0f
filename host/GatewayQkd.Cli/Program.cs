using GatewayQkd.Cli.Commands;

// Registers the commands and runs the one the user named; each command lives in its own folder under Commands/.
return GatewayQkdRootCommand.Create().Parse(args).Invoke();
