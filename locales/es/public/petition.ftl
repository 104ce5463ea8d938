## Página de la petición
progress-heading = Firmas hasta ahora
signature-count = { $count ->
    [one] { $count } firma
   *[other] { $count } firmas
}
goal-of = objetivo: { $goal }
sign-heading = Firma esta petición
sign-button = Firmar
sign-privacy = Tus datos se usan para contar y confirmar tu firma, y los ve el equipo organizador de la petición; tu dirección de correo electrónico nunca se muestra públicamente.
sign-closed = Esta petición ya no admite firmas.
back-to-petition = Volver a «{ $title }»
# La página pública de una petición: progreso y difusión.
progress-text = { $count } de { $goal } firmas
goal-reached = ¡Objetivo de { $goal } firmas alcanzado!
goal-raised = Se alcanzó el primer objetivo de { $reached } firmas. Nuevo objetivo: { $goal }.
share-heading = Comparte esta petición
share-by-email = Compartir por correo electrónico
share-on-mastodon = Compartir en Mastodon
share-on-diaspora = Compartir en Diaspora
share-instance-mastodon = Tu instancia de Mastodon (por ejemplo, mastodon.social)
share-instance-diaspora = Tu pod de Diaspora (por ejemplo, diasp.org)
share-instance-hint = Este sitio solo te lleva a tu servidor mediante el enlace que muestra a continuación, y no carga nada desde él.
share-leaving = Vas a salir de este sitio hacia { $host }.
share-go = Continuar a { $host }
share-leaving-hint = Comprueba que es tu servidor: su nombre aparece escrito tal como lo alcanzará tu navegador.
share-continue = Continuar
share-link-label = Enlace a esta petición
share-text = He firmado «{ $title }». ¿Firmas tú también?
share-mail-subject = Petición: { $title }
field-instance = Tu servidor
thanks-mailed-earlier = Hace menos de una hora ya se envió un correo de confirmación a esta dirección para esta petición, así que esta vez no se ha enviado ninguno. Abre el enlace de ese correo (revisa también tu carpeta de spam).
confirm-details-heading = Estás confirmando
confirm-details-name = Nombre
confirm-details-yes = Sí
confirm-details-wrong = Si estos no son los datos con los que firmaste, no pulses el botón: ignora esta página.

# Las preguntas de verificación: varios tipos, dos formulaciones de cada uno, números escritos en letras.
challenge-sum-1 = Para demostrar que eres una persona: ¿cuánto es { $a } más { $b }?
challenge-sum-2 = Suma { $a } y { $b }. ¿Qué número obtienes?
challenge-difference-1 = Para demostrar que eres una persona: ¿cuánto es { $a } menos { $b }?
challenge-difference-2 = Resta { $b } de { $a }. ¿Cuánto queda?
challenge-largest-1 = ¿Cuál es el mayor de estos números: { $a }, { $b }, { $c }?
challenge-largest-2 = De { $a }, { $b } y { $c }, ¿qué número es el más grande?
challenge-letters-1 = ¿Cuántas letras tiene la palabra «{ $word }»?
challenge-letters-2 = Cuenta las letras de «{ $word }». ¿Cuántas hay?
challenge-nth-word-1 = ¿Cuál es la { $n ->
        [1] primera
        [2] segunda
        [3] tercera
       *[4] cuarta
    } palabra de «{ $words }»?
challenge-nth-word-2 = En «{ $words }», ¿qué palabra va en { $n ->
        [1] primer
        [2] segundo
        [3] tercer
       *[4] cuarto
    } lugar?
challenge-digits-1 = Escribe estas cifras como un solo número: { $a }, { $b }, { $c }.
challenge-digits-2 = Escribe { $a }, luego { $b } y luego { $c } en cifras, sin espacios.

## Conservación de los datos personales: la página pública.
retention-public-open = Los datos personales de las personas firmantes se borran { $days ->
        [one] un día
       *[other] { $days } días
    } después del cierre de esta petición.
retention-public-closed = Los datos personales de las personas firmantes se borrarán el { $date }.
retention-public-erased = Los datos personales de las personas firmantes se borraron el { $date }.

## The challenge on signing and registration forms: its label, and numbers named in words.
field-challenge = Comprueba que eres una persona
number-1 = uno
number-2 = dos
number-3 = tres
number-4 = cuatro
number-5 = cinco
number-6 = seis
number-7 = siete
number-8 = ocho
number-9 = nueve
number-10 = diez

petition-languages = Esta petición en otros idiomas
petition-side = Más sobre esta petición

# The progress component: what is still needed to reach the goal.
progress-needed = { $needed ->
        [one] Falta una firma para llegar a { $goal }
       *[other] Faltan { $needed } firmas para llegar a { $goal }
    }
