error-addressees-too-many = Una petición puede tener como máximo 20 destinatarios.
error-delivery-milestone = Escriba el número de firmas, un número entero entre 1 y 1.000.000.000.
error-delivery-no-addressees = Añada un destinatario antes de entregar la petición.
