print("clinicctl")
