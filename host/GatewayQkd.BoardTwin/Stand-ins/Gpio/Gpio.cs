namespace System.Device.Gpio;

/// <summary>PinMode of nanoFramework.System.Device.Gpio (the modes the device uses and their neighbours).</summary>
public enum PinMode
{
    Input,
    Output,
    InputPullDown,
    InputPullUp,
    OutputOpenDrain,
}

/// <summary>PinValue of nanoFramework.System.Device.Gpio.</summary>
public enum PinValue
{
    Low = 0,
    High = 1,
}

/// <summary>GpioController: pins of the twin board (<see cref="GatewayQkd.BoardTwin.TwinBoard"/>).</summary>
public sealed class GpioController
{
    public GpioPin OpenPin(int pinNumber, PinMode mode) => new(pinNumber, mode);
}

/// <summary>
/// A pin: an output's changes go to the GPIO log (<see cref="GatewayQkd.BoardTwin.TwinBoard.PinWritten"/>); an input
/// with pull-up reads High unless the board holds it Low (the zeroize button pressed).
/// </summary>
public sealed class GpioPin
{
    private readonly PinMode _mode;
    private PinValue _written = PinValue.Low;
    private bool _everWritten;

    internal GpioPin(int pinNumber, PinMode mode)
    {
        PinNumber = pinNumber;
        _mode = mode;
    }

    public int PinNumber { get; }

    public PinValue Read()
    {
        if (_mode is PinMode.Output or PinMode.OutputOpenDrain)
        {
            return _written;
        }

        if (GatewayQkd.BoardTwin.TwinBoard.IsInputLow(PinNumber))
        {
            return PinValue.Low;
        }

        return _mode == PinMode.InputPullDown ? PinValue.Low : PinValue.High;
    }

    public void Write(PinValue value)
    {
        if (_everWritten && value == _written)
        {
            return;
        }

        _everWritten = true;
        _written = value;
        GatewayQkd.BoardTwin.TwinBoard.PinWritten?.Invoke(PinNumber, value == PinValue.High);
    }
}
