using OvopBot.Cli;

return await CliApp.RunAsync(args);
