import ClinicctlCommands

// Everything clinicctl does is in ClinicctlCommands; the program only starts it
// with the process's own streams, environment and clock.
Clinicctl.main()
