// Placeholder until the end-to-end story lands (issue: the main job).
Console.WriteLine("Connectors playground: not yet implemented.");
return 1;
