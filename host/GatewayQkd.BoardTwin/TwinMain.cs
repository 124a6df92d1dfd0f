using System;
using System.IO;
using System.Threading;

namespace GatewayQkd.BoardTwin;

/// <summary>
/// The twin executable: <c>GatewayQkd.BoardTwin --drive FOLDER</c> boots the gateway firmware (GatewayQkd.Device.Program.Main,
/// unchanged) on a board whose internal drive I:\ is FOLDER (it holds gatewayqkd.conf, as deployed to a board, and the
/// key store I:\qkd). The serial console is standard output; output pin changes go to FOLDER/gpio.log. Standard input
/// is the board's button and power: a line "press" holds the zeroize button down, "release" lets it go, and the end of
/// input (the parent process gone) powers the board off.
/// </summary>
public static class TwinMain
{
    public static int Main(string[] args)
    {
        var drive = args.Length == 2 && args[0] == "--drive" ? args[1] : null;
        if (drive is null)
        {
            Console.Error.WriteLine("usage: GatewayQkd.BoardTwin --drive FOLDER   (FOLDER plays the board's I:\\ drive and holds gatewayqkd.conf)");
            return 2;
        }

        System.IO.Directory.CreateDirectory(drive);
        TwinBoard.Reset(System.IO.Path.GetFullPath(drive));
        var gpioLog = new StreamWriter(System.IO.Path.Combine(TwinBoard.DriveFolder, "gpio.log"), append: true) { AutoFlush = true };
        var pinLog = TextWriter.Synchronized(gpioLog);
        TwinBoard.PinWritten = (pin, high) => pinLog.WriteLine($"{Environment.TickCount64} GPIO {pin} {(high ? "High" : "Low")}");
        new Thread(ReadPanel) { IsBackground = true, Name = "twin panel" }.Start();
        GatewayQkd.Device.Program.Main();
        return 0;
    }

    private static void ReadPanel()
    {
        string line;
        while ((line = Console.ReadLine()) is not null)
        {
            switch (line.Trim())
            {
                case "press":
                    TwinBoard.SetInputLow(GatewayQkd.Device.Board.BoardPins.ZeroizeButton, true);
                    break;
                case "release":
                    TwinBoard.SetInputLow(GatewayQkd.Device.Board.BoardPins.ZeroizeButton, false);
                    break;
            }
        }

        Environment.Exit(0); // the parent closed our input: power off
    }
}
