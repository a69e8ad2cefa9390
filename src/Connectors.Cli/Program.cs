// Placeholder entry point until the command line lands (issue: the dotnet connector tool).
Console.Error.WriteLine("dotnet connector: not yet implemented.");
return 1;
