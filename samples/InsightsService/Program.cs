using Insights.Service;

InsightsServiceApp.Build(args).Run();
