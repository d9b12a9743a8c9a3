// ClinicGit
