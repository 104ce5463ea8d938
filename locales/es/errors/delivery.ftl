error-addressees-too-many = Una petición puede tener como máximo 20 destinatarios.
error-delivery-milestone = Escriba el número de firmas, un número entero entre 1 y 1.000.000.000.
error-delivery-no-addressees = Añada un destinatario antes de entregar la petición.
error-delivery-withheld = La moderación de esta instancia ha retirado esta petición de la vista pública, por lo que su entrega ya no se muestra y no puede entregarse.
