using System;
using Insights.Contracts.Cli;

return CliApp.Run(args, Console.OpenStandardInput, Console.Out, Console.Error);
